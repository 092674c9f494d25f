using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class MigrationScriptTests
{
    [Fact]
    public async Task The_script_guards_every_migration_with_the_history_table()
    {
        var script = await CliRun.RunAsync("db", "script");

        script.ShouldSucceed();
        script.Output.ShouldContain("CREATE TABLE IF NOT EXISTS \"__EFMigrationsHistory\"");
        script.Output.ShouldContain("\"AppliedAt\" timestamp with time zone NOT NULL DEFAULT (now())");
        foreach (var id in MigrationIds.All)
        {
            script.Output.ShouldContain(
                $"IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{id}')");
        }
    }

    [Fact]
    public async Task Running_the_script_twice_gives_the_schema_upgrade_gives()
    {
        var script = (await CliRun.RunAsync("db", "script")).Output;
        await using var scripted = await PostgresTestDatabase.CreateEmptyAsync();
        await using var upgraded = await PostgresTestDatabase.CreateEmptyAsync();
        (await CliRun.DbAsync(upgraded, "upgrade")).ShouldSucceed();

        await scripted.ExecuteAsync(script);
        await scripted.ExecuteAsync(script);

        (await CliRun.DescribeJsonAsync(scripted)).ShouldBe(await CliRun.DescribeJsonAsync(upgraded));
    }

    [Fact]
    public async Task A_script_from_the_latest_migration_has_nothing_to_apply()
    {
        var script = await CliRun.RunAsync("db", "script", MigrationIds.Latest);

        script.ShouldSucceed();
        script.Output.ShouldNotContain("CREATE TABLE users");
    }
}
