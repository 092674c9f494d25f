using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// <see cref="IReadDbContext"/> read through whichever context a route (<see cref="IQueryRoute"/>) chose at each use,
/// so a command that reads through it reads the request's context.
/// </summary>
internal abstract class RoutedReads : IReadDbContext, IRoutedReadDbContext
{
    public IQueryable<User> Users => Current.Users;
    //#if (conduit)

    public IQueryable<Follow> Follows => Current.Follows;

    public IQueryable<Article> Articles => Current.Articles;

    public IQueryable<Tag> Tags => Current.Tags;

    public IQueryable<Comment> Comments => Current.Comments;

    public IQueryable<Favorite> Favorites => Current.Favorites;
    //#endif

    public DbContext CurrentContext => Context;

    /// <summary>The context the reads go to now.</summary>
    protected abstract ApplicationDbContext Context { get; }

    private IReadDbContext Current => Context;
}
