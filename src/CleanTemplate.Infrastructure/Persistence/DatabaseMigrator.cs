using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>Applies pending migrations, one migrator at a time across processes (see <see cref="MigrationLock"/>).</summary>
internal sealed class DatabaseMigrator(ApplicationDbContext db) : IDatabaseMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        MigrationLock.RunExclusiveAsync(db, () => db.Database.MigrateAsync(cancellationToken), cancellationToken);
}
