using System.Net.Sockets;
using CleanTemplate.Application.Common.Interfaces;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// <see cref="IReadDbContext"/> when standbys take reads: the scope's primary context, or, once
/// <see cref="QueryRouteBehaviour{TRequest,TResponse}"/> routed a query there, a context on a standby. Which one is
/// decided at each use, so a command that reads through it reads the primary.
/// </summary>
internal sealed class ReadRoute(IServiceProvider services, ReplicaSet replicas, ReadYourWrites caller)
    : RoutedReads(services), IQueryRoute
{
    private Standby? _standby;

    /// <summary>A command runs: it and everything after it in this scope read the primary.</summary>
    public void UsePrimary()
    {
        caller.Writing = true;
        Release();
    }

    /// <summary>
    /// Sends the scope's reads to a standby that may serve this caller; false when they stay on the primary (a
    /// command ran, none is close enough, or the caller must read the primary).
    /// </summary>
    public bool TryRouteQuery()
    {
        if (IsRouted)
            return true;
        if (caller.Writing || caller.PrimaryOnly || replicas.Pick(caller.RequiredPosition) is not { } standby)
            return false;
        _standby = standby;
        RouteTo(standby.Contexts.CreateDbContext());
        return true;
    }

    /// <summary>
    /// After a read on the standby failed: true when the database is why, and the primary is then used for the rest
    /// of the scope; a standby that could not be reached is skipped until a check finds it again.
    /// </summary>
    public bool FallBackToPrimary(Exception exception)
    {
        if (_standby is null || !IsDatabaseFailure(exception))
            return false;
        if (exception is not PostgresException)
            replicas.Unreachable(_standby, exception);
        Release();
        return true;
    }

    protected override void Release()
    {
        base.Release();
        _standby = null;
    }

    // The server refused (a conflict with recovery cancels standby queries), or could not be reached at all.
    private static bool IsDatabaseFailure(Exception exception) => CausedBy(
        exception, cause => cause is NpgsqlException or SocketException or IOException or TimeoutException);
}
