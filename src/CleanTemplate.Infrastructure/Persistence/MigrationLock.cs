using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using CleanTemplate.Infrastructure.Persistence.Locks;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Serialises migrators across processes (app instances starting together, a deployment step, <c>db upgrade</c>).
/// EF Core's own migration lock is a LOCK TABLE held by a transaction, so it is released when a migration commits:
/// with several pending migrations, a second migrator can slip in between them and apply the same one again. A
/// session-level advisory lock is held on one connection for the whole run, whatever the transactions inside it do.
/// </summary>
internal static class MigrationLock
{
    private const string LockName = "ef-core-migrations";

    public static async Task<T> RunExclusiveAsync<T>(
        DbContext db,
        Func<Task<T>> migrate,
        CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(db, cancellationToken);
        return await AdvisoryLock.HoldForSessionAsync(db, LockName, migrate, cancellationToken);
    }

    public static Task RunExclusiveAsync(DbContext db, Func<Task> migrate, CancellationToken cancellationToken) =>
        RunExclusiveAsync(db, async () =>
        {
            await migrate();
            return true;
        }, cancellationToken);

    // The lock needs a connection to the database, which the first migration run may still have to create.
    private static async Task EnsureDatabaseExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another migrator created it a moment ago.
        }
    }
}
