namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>Fills a local database with sample data; what the host's <c>--seed</c> switch runs.</summary>
public interface IDatabaseSeeder
{
    /// <summary>False when the data was already there: seeding is idempotent.</summary>
    Task<bool> SeedAsync(CancellationToken cancellationToken);
}
