using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.Locks;

/// <summary>
/// PostgreSQL advisory locks: named locks with no table behind them, for "one at a time" work such as seeding or a
/// maintenance job across app instances. The transaction-scoped kind is released by COMMIT or ROLLBACK, so it cannot
/// leak when code throws; the session-scoped kind outlives transactions and is released explicitly.
/// </summary>
internal static class AdvisoryLock
{
    /// <summary>Waits until no other transaction holds <paramref name="name"/>; requires an open transaction.</summary>
    public static async Task AcquireForTransactionAsync(DbContext db, string name, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A transaction-scoped advisory lock needs an open transaction.");

        // hashtextextended maps the name to the 64-bit key pg_advisory_xact_lock takes.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
    }

    /// <summary>Takes the lock only if it is free right now; false when another transaction holds it.</summary>
    public static async Task<bool> TryAcquireForTransactionAsync(
        DbContext db,
        string name,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A transaction-scoped advisory lock needs an open transaction.");

        return await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({name}, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Holds <paramref name="name"/> on one connection for the whole of <paramref name="work"/>, whatever transactions
    /// it commits inside (a session-level lock), then releases it.
    /// </summary>
    public static async Task<T> HoldForSessionAsync<T>(
        DbContext db,
        string name,
        Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await EnsureOwnSessionAsync(db, cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_lock(hashtextextended({name}, 0))", cancellationToken);
            try
            {
                return await work();
            }
            finally
            {
                await db.Database.ExecuteSqlAsync(
                    $"SELECT pg_advisory_unlock(hashtextextended({name}, 0))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Through a transaction pooler the lock would stay on whichever server session ran it, and the unlock would run
    // on another. Npgsql's ProcessID is the backend's pid on a direct connection and PgBouncer's own key behind one.
    private static async Task EnsureOwnSessionAsync(DbContext db, CancellationToken cancellationToken)
    {
        var backend = await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (db.Database.GetDbConnection() is NpgsqlConnection connection && connection.ProcessID != backend)
        {
            throw new InvalidOperationException(
                "A session-level advisory lock (the migration lock) needs a connection straight to PostgreSQL, and "
                + "this one goes through a pooler: set ConnectionStrings:DatabaseDirect to the server itself.");
        }
    }
}
