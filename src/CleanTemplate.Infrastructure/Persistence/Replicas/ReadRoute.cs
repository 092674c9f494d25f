using System.Net.Sockets;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// <see cref="IReadDbContext"/> when standbys take reads: the scope's primary context, or, once
/// <see cref="QueryRouteBehaviour{TRequest,TResponse}"/> routed a query there, a context on a standby. Which one is
/// decided at each use, so a command that reads through it reads the primary.
/// </summary>
internal sealed class ReadRoute(IServiceProvider services, ReplicaSet replicas, ReadYourWrites caller)
    : RoutedReads, IQueryRoute, IAsyncDisposable, IDisposable
{
    private Standby? _standby;
    private ApplicationDbContext? _onStandby;

    protected override ApplicationDbContext Context =>
        _onStandby ?? services.GetRequiredService<ApplicationDbContext>();

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
        if (_onStandby is not null)
            return true;
        if (caller.Writing || caller.PrimaryOnly || replicas.Pick(caller.RequiredPosition) is not { } standby)
            return false;
        _standby = standby;
        _onStandby = standby.Contexts.CreateDbContext();
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

    // Returning a pooled context to its pool is synchronous work, so both disposals are the same.
    public ValueTask DisposeAsync()
    {
        Release();
        return ValueTask.CompletedTask;
    }

    public void Dispose() => Release();

    private void Release()
    {
        _onStandby?.Dispose();
        _onStandby = null;
        _standby = null;
    }

    // The server refused (a conflict with recovery cancels standby queries), or could not be reached at all.
    private static bool IsDatabaseFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException or SocketException or IOException or TimeoutException)
                return true;
        }

        return false;
    }
}
