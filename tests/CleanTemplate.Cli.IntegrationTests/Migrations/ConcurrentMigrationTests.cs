using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Schema;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class ConcurrentMigrationTests
{
    /// <summary>
    /// What two app instances (or an instance and a deployment step) do when they start at once. EF Core 9+ locks the
    /// history table (LOCK TABLE ... ACCESS EXCLUSIVE on PostgreSQL) before reading it, so the second migrator waits,
    /// then finds everything applied. Run a few times: a single run may not overlap.
    /// </summary>
    [Fact]
    public async Task Two_migrators_started_at_once_apply_each_migration_once_without_error()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var database = await PostgresTestDatabase.CreateEmptyAsync();
            await using var first = WithoutRetries(database);
            await using var second = WithoutRetries(database);

            await Task.WhenAll(first.Database.MigrateAsync(), second.Database.MigrateAsync());

            (await HistoryRowsAsync(database)).ShouldBe(MigrationIds.All);
            SchemaJson.Deserialize(await CliRun.DescribeJsonAsync(database)).Tables.Select(table => table.Name)
                .ShouldBe(["__EFMigrationsHistory", "user_profiles", "users"]);
        }
    }

    // Retrying could hide a collision behind a second attempt; this checks that there is none to hide.
    private static ApplicationDbContext WithoutRetries(PostgresTestDatabase database)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(database.ConnectionString, new DatabaseOptions { MaxRetryCount = 0 });
        return new ApplicationDbContext(options.Options);
    }

    private static async Task<List<string>> HistoryRowsAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
