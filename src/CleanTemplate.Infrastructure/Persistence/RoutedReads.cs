using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// <see cref="IReadDbContext"/> for a route (<see cref="IQueryRoute"/>): the reads go to a context the route leased for
/// a query, else to the request's own context, decided at each use, so a command that reads through it reads the
/// request's context. The leased context goes back to its pool when the route releases it or the scope ends.
/// </summary>
internal abstract class RoutedReads(IServiceProvider services)
    : IReadDbContext, IRoutedReadDbContext, IAsyncDisposable, IDisposable
{
    private ApplicationDbContext? _routed;

    public IQueryable<User> Users => Current.Users;
    //#if (conduit)

    public IQueryable<Follow> Follows => Current.Follows;

    public IQueryable<Article> Articles => Current.Articles;

    public IQueryable<Tag> Tags => Current.Tags;

    public IQueryable<Comment> Comments => Current.Comments;

    public IQueryable<Favorite> Favorites => Current.Favorites;
    //#endif

    public DbContext CurrentContext => Context;

    /// <summary>The request's own context, which commands and transactions use.</summary>
    protected ApplicationDbContext RequestContext => services.GetRequiredService<ApplicationDbContext>();

    /// <summary>Whether the reads go to a leased context now.</summary>
    protected bool IsRouted => _routed is not null;

    private ApplicationDbContext Context => _routed ?? RequestContext;

    private IReadDbContext Current => Context;

    // Returning a pooled context to its pool is synchronous work, so both disposals are the same.
    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => Release();

    /// <summary>Sends the reads to <paramref name="leased"/>, a context from a pool of the route's.</summary>
    protected void RouteTo(ApplicationDbContext leased) => _routed = leased;

    /// <summary>Returns the leased context, if any: the reads go to the request's context again.</summary>
    protected virtual void Release()
    {
        _routed?.Dispose();
        _routed = null;
    }

    /// <summary>Whether <paramref name="exception"/> or any exception it wraps is <paramref name="cause"/>.</summary>
    protected static bool CausedBy(Exception exception, Func<Exception, bool> cause)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (cause(current))
                return true;
        }

        return false;
    }
}
