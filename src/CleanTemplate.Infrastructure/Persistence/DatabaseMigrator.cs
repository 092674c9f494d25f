using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>Applies pending migrations, one migrating process at a time (<see cref="MigrationLock"/>).</summary>
internal sealed class DatabaseMigrator(ApplicationDbContext db) : IDatabaseMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        MigrationLock.RunExclusiveAsync(db, () => db.Database.MigrateAsync(cancellationToken), cancellationToken);
}
