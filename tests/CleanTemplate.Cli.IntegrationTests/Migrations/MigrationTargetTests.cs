using CleanTemplate.Cli.Composition;
using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.Cli.Migrations;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class MigrationTargetTests
{
    private static readonly string[] Known = ["20260101000000_First", "20260201000000_Second", "20260301000000_Third"];

    [Theory]
    [InlineData("-1", "20260201000000_Second")]
    [InlineData("0", "0")]
    [InlineData("First", "20260101000000_First")]
    [InlineData("20260101000000_first", "20260101000000_First")]
    public void Downgrade_targets_resolve_against_the_applied_migrations(string requested, string expected) =>
        MigrationTarget.ForDowngrade(Known, Known, requested).ShouldBe(expected);

    [Fact]
    public void Downgrade_minus_one_with_a_single_applied_migration_empties_the_schema() =>
        MigrationTarget.ForDowngrade(Known, Known[..1], "-1").ShouldBe("0");

    [Fact]
    public void Downgrade_to_a_migration_that_is_not_applied_is_refused() =>
        Should.Throw<UsageException>(() => MigrationTarget.ForDowngrade(Known, Known[..1], "Third"))
            .Message.ShouldContain("is not applied");

    [Fact]
    public void Upgrade_without_a_target_goes_to_the_latest() =>
        MigrationTarget.ForUpgrade(Known, Known[..1], null).ShouldBe("20260301000000_Third");

    [Fact]
    public void Upgrade_to_an_older_migration_is_refused_instead_of_reverting() =>
        Should.Throw<UsageException>(() => MigrationTarget.ForUpgrade(Known, Known, "First"))
            .Message.ShouldContain("db downgrade");

    [Fact]
    public async Task An_unknown_migration_is_a_usage_error()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();

        var up = await CliRun.DbAsync(database, "upgrade", "NoSuchMigration");

        up.ShouldExitWith(ExitCodes.Usage);
        up.Error.ShouldContain("No migration named 'NoSuchMigration'");
        (await CliRun.DbAsync(database, "current")).Output.ShouldStartWith("none");
    }

    [Theory]
    [InlineData("db")]
    [InlineData("db", "downgrade")]
    [InlineData("db", "upgrade", "a", "b")]
    [InlineData("db", "frobnicate")]
    public async Task A_malformed_command_line_is_a_usage_error(params string[] args) =>
        (await CliRun.RunAsync(args)).ShouldExitWith(ExitCodes.Usage);

    [Fact]
    public async Task A_verb_that_needs_a_database_without_one_configured_is_a_usage_error()
    {
        var current = await CliRun.RunAsync("db", "current");

        current.ShouldExitWith(ExitCodes.Usage);
        current.Error.ShouldContain("--connection");
    }

    [Fact]
    public async Task An_unreachable_server_is_a_failure_with_one_line_saying_why()
    {
        var current =
            await CliRun.RunAsync("db", "current", "--connection", "Host=127.0.0.1;Port=1;Database=none;Timeout=2");

        current.ShouldExitWith(ExitCodes.Failure);
        current.Error.ShouldStartWith("db current failed: ");
    }
}
