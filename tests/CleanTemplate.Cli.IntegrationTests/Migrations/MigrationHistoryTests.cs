using System.Globalization;
using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class MigrationHistoryTests
{
    [Fact]
    public async Task History_lists_every_migration_as_pending_on_an_empty_database()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();

        var history = await CliRun.DbAsync(database, "history");

        history.ShouldSucceed();
        foreach (var id in MigrationIds.All)
            history.Output.ShouldMatch($@"{id}\s*│\s*\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\s*│\s*pending\s*│\s*│");
    }

    [Fact]
    public async Task History_shows_when_each_migration_was_applied()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        (await CliRun.DbAsync(database, "upgrade")).ShouldSucceed();

        var history = await CliRun.DbAsync(database, "history");

        history.ShouldSucceed();
        var (appliedAt, serverNow) = await AppliedAtAsync(database, MigrationIds.Latest);
        (serverNow - appliedAt).ShouldBeLessThan(TimeSpan.FromMinutes(1));
        var appliedText = appliedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        history.Output.ShouldMatch($@"{MigrationIds.Latest}\s*│[^│]*│\s*applied\s*│\s*{appliedText}\s*│");
    }

    [Fact]
    public async Task History_marks_a_migration_applied_by_another_build()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using (var connection = await database.OpenConnectionAsync())
        await using (var command = new NpgsqlCommand(
            """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES (@id, '10.0.0')""",
            connection))
        {
            command.Parameters.AddWithValue("id", "29991231000000_FromAnotherBranch");
            await command.ExecuteNonQueryAsync();
        }

        var history = await CliRun.DbAsync(database, "history");

        history.Output.ShouldMatch(
            @"29991231000000_FromAnotherBranch\s*│[^│]*│\s*applied, not in this build\s*│");
    }

    private static async Task<(DateTimeOffset AppliedAt, DateTimeOffset ServerNow)> AppliedAtAsync(
        PostgresTestDatabase database,
        string id)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "AppliedAt", now() FROM "__EFMigrationsHistory" WHERE "MigrationId" = @id""", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"{id} is not in the history table");
        return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }
}
