using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Schema;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class ConcurrentMigrationTests
{
    /// <summary>
    /// What two app instances (or an instance and a deployment step) do when they start at once. EF Core's own lock is
    /// released at each migration's commit, which lets a second migrator re-apply a migration when several are pending;
    /// the app's migrator holds an advisory lock for the whole run, so the second one waits, then finds everything
    /// applied. Run a few times: a single run may not overlap.
    /// </summary>
    [Fact]
    public async Task Two_migrators_started_at_once_apply_each_migration_once_without_error()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var database = await PostgresTestDatabase.CreateEmptyAsync();
            await Task.WhenAll(
                WithoutRetries(database).MigrateAsync(CancellationToken.None),
                WithoutRetries(database).MigrateAsync(CancellationToken.None));

            (await HistoryRowsAsync(database)).ShouldBe(MigrationIds.All);
            SchemaJson.Deserialize(await CliRun.DescribeJsonAsync(database)).Tables.Select(table => table.Name)
                .ShouldContain("__EFMigrationsHistory");
        }
    }

    // Retrying could hide a collision behind a second attempt; this checks that there is none to hide.
    private static DatabaseMigrator WithoutRetries(PostgresTestDatabase database) =>
        new(new DirectDatabase(database.ConnectionString, new DatabaseOptions { MaxRetryCount = 0 }, null, []));

    private static async Task<List<string>> HistoryRowsAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
