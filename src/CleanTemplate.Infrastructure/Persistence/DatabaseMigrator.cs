using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// EF Core takes a database-wide migration lock first, so two instances migrating at once do not race.
/// </summary>
internal sealed class DatabaseMigrator(ApplicationDbContext db) : IDatabaseMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
}
