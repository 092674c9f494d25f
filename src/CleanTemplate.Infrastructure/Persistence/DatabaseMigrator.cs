using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations, one migrator at a time across processes (see <see cref="MigrationLock"/>), on a
/// direct connection to the server (<see cref="DirectDatabase"/>).
/// </summary>
internal sealed class DatabaseMigrator(DirectDatabase direct) : IDatabaseMigrator
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = direct.CreateDbContext();
        await MigrationLock.RunExclusiveAsync(db, () => db.Database.MigrateAsync(cancellationToken), cancellationToken);
    }
}
