using CleanTemplate.Application.Common.Interfaces;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// <see cref="IReadDbContext"/> without standbys. A query reads the primary through a context of its own, without EF's
/// retrying execution strategy: EF then streams the rows instead of buffering every result first (about a quarter of
/// a list request's allocations). If the database fails it (what the strategy would have retried), the query runs
/// again on the request's own context, whose strategy retries. Commands, and a query inside a transaction the
/// request's context has open, read the request's context.
/// </summary>
internal sealed class PrimaryQueryRoute(IServiceProvider services, QueryContexts queries, RequestContextLease request)
    : RoutedReads(services), IQueryRoute
{
    public void UsePrimary() => Release();

    public bool TryRouteQuery()
    {
        if (IsRouted)
            return true;
        // A context nothing in the scope resolved has no transaction: no need to lease one to ask.
        if (request.Leased?.Database.CurrentTransaction is not null)
            return false;
        RouteTo(queries.Contexts.CreateDbContext());
        return true;
    }

    // What Npgsql's retrying execution strategy retries: an exception Npgsql marks transient, or a timeout.
    public bool FallBackToPrimary(Exception exception)
    {
        if (!IsRouted
            || !CausedBy(exception, cause => cause is NpgsqlException { IsTransient: true } or TimeoutException))
            return false;
        Release();
        return true;
    }
}
