using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Schema;
using CleanTemplate.TestSupport.Persistence;
using CleanTemplate.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class MigrationRoundTripTests
{
    [Fact]
    public async Task Up_to_latest_down_to_zero_and_up_again_leaves_the_same_schema()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();

        var up = await CliRun.DbAsync(database, "upgrade");
        up.ShouldSucceed();
        up.Output.ShouldContain($"Applied  {MigrationIds.Latest}");
        var migrated = await CliRun.DescribeJsonAsync(database);
        SchemaJson.Deserialize(migrated).Tables.Select(table => table.Name).Order(StringComparer.Ordinal)
            .ShouldBe(ModelTables().Append("__EFMigrationsHistory").Order(StringComparer.Ordinal));

        var down = await CliRun.DbAsync(database, "downgrade", "0");
        down.ShouldSucceed();
        down.Output.ShouldContain($"Reverted {MigrationIds.Latest}");
        down.Output.ShouldContain("Current: none");
        SchemaJson.Deserialize(await CliRun.DescribeJsonAsync(database)).Tables.Select(table => table.Name)
            .ShouldBe(["__EFMigrationsHistory"]);

        (await CliRun.DbAsync(database, "upgrade")).ShouldSucceed();
        (await CliRun.DescribeJsonAsync(database)).ShouldBe(migrated);
    }

    private static List<string> ModelTables()
    {
        using var db = ModelOnlyDbContext.Create();
        return db.Model.GetEntityTypes().Select(type => type.GetTableName()!).Distinct().ToList();
    }

    [Fact]
    public async Task Downgrade_minus_one_reverts_the_last_applied_migration()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        (await CliRun.DbAsync(database, "upgrade")).ShouldSucceed();

        var down = await CliRun.DbAsync(database, "downgrade", "-1");

        down.ShouldSucceed();
        down.Output.ShouldContain($"Reverted {MigrationIds.Latest}");
        var current = await CliRun.DbAsync(database, "current");
        current.Output.ShouldStartWith(MigrationIds.All.Count > 1 ? MigrationIds.All[^2] : "none");
    }

    [Fact]
    public async Task Upgrade_to_a_named_migration_applies_it_and_those_before_it()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        var first = MigrationIds.All[0];

        var up = await CliRun.DbAsync(database, "upgrade", first[(first.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        up.ShouldSucceed();
        up.Output.ShouldBe($"Applied  {first}\nCurrent: {first}\n");
    }

    [Fact]
    public async Task Upgrade_of_an_up_to_date_database_does_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var up = await CliRun.DbAsync(database, "upgrade");

        up.ShouldSucceed();
        up.Output.ShouldContain("Nothing to do.");
        up.Output.ShouldContain($"Current: {MigrationIds.Latest}");
    }

    [Fact]
    public async Task Current_names_the_last_applied_migration_and_the_pending_ones()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();

        var before = await CliRun.DbAsync(database, "current");
        (await CliRun.DbAsync(database, "upgrade")).ShouldSucceed();
        var after = await CliRun.DbAsync(database, "current");

        before.Output.ShouldBe($"none\n{MigrationIds.All.Count} pending: {string.Join(", ", MigrationIds.All)}\n");
        after.Output.ShouldBe($"{MigrationIds.Latest}\nUp to date.\n");
    }
}
