using Xunit;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A database of its own for a test class (<c>IClassFixture</c>) or collection (<c>ICollectionFixture</c>),
/// so classes run in parallel without seeing each other's rows.
/// </summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public PostgresTestDatabase Database =>
        _database ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public virtual async Task InitializeAsync() => _database = await PostgresTestDatabase.CreateAsync();

    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
