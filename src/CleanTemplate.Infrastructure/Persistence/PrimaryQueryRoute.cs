using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// <see cref="IReadDbContext"/> without standbys. A query reads the primary through a context of its own, without EF's
/// retrying execution strategy: EF then streams the rows instead of buffering every result first (about a quarter of
/// a list request's allocations). If the database fails it (what the strategy would have retried), the query runs
/// again on the request's own context, whose strategy retries. Commands, and a query inside a transaction the
/// request's context has open, read the request's context.
/// </summary>
internal sealed class PrimaryQueryRoute(IServiceProvider services, QueryContexts queries)
    : RoutedReads, IQueryRoute, IAsyncDisposable, IDisposable
{
    private ApplicationDbContext? _query;

    protected override ApplicationDbContext Context => _query ?? Primary;

    private ApplicationDbContext Primary => services.GetRequiredService<ApplicationDbContext>();

    public void UsePrimary() => Release();

    public bool TryRouteQuery()
    {
        if (_query is not null)
            return true;
        if (Primary.Database.CurrentTransaction is not null)
            return false;
        _query = queries.Contexts.CreateDbContext();
        return true;
    }

    public bool FallBackToPrimary(Exception exception)
    {
        if (_query is null || !IsTransient(exception))
            return false;
        Release();
        return true;
    }

    // Returning a pooled context to its pool is synchronous work, so both disposals are the same.
    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => Release();

    private void Release()
    {
        _query?.Dispose();
        _query = null;
    }

    // What Npgsql's retrying execution strategy retries: an exception Npgsql marks transient, however wrapped.
    private static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or TimeoutException)
                return true;
        }

        return false;
    }
}
