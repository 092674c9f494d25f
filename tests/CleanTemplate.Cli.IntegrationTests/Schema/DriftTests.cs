using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Schema;

public sealed class DriftTests
{
    [Fact]
    public async Task A_freshly_migrated_database_has_no_drift()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        (await CliRun.DbAsync(database, "upgrade")).ShouldSucceed();

        var drift = await CliRun.DbAsync(database, "drift");

        drift.ShouldSucceed();
        drift.Output.ShouldContain("No drift");
    }

    [Fact]
    public async Task An_index_made_by_hand_and_a_dropped_column_are_reported()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync("CREATE INDEX ix_users_created_by_hand ON users (created_at)");
        await database.ExecuteAsync("ALTER TABLE user_profiles DROP COLUMN bio");

        var drift = await CliRun.DbAsync(database, "drift");

        drift.ShouldExitWith(ExitCodes.Failure);
        drift.Output.ShouldMatch(@"│\s*index\s*│\s*public\.users\.ix_users_created_by_hand\s*│"
            + @"\s*only in the database\s*│\s*not unique\s*│");
        drift.Output.ShouldMatch(@"│\s*column\s*│\s*public\.user_profiles\.bio\s*│"
            + @"\s*only in the model\s*│\s*character varying\(2000\) null\s*│");
        drift.Error.ShouldContain("2 difference(s)");
    }

    [Fact]
    public async Task Changed_types_nullability_and_constraints_are_reported()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync("ALTER TABLE users ALTER COLUMN status TYPE text");
        await database.ExecuteAsync("ALTER TABLE user_profiles ALTER COLUMN image SET NOT NULL");
        await database.ExecuteAsync(
            "ALTER TABLE users ADD CONSTRAINT ck_users_username_length CHECK (length(username) > 2)");
        await database.ExecuteAsync("ALTER TABLE user_profiles DROP CONSTRAINT fk_user_profiles_users_id");
        await database.ExecuteAsync("CREATE TABLE scratch (id int)");

        var drift = await CliRun.DbAsync(database, "drift");

        drift.ShouldExitWith(ExitCodes.Failure);
        drift.Output.ShouldMatch(
            @"public\.users\.status\s*│\s*differs\s*│\s*model: character varying\(16\) not null; "
            + "database: text not null");
        drift.Output.ShouldMatch(@"public\.user_profiles\.image\s*│\s*differs\s*│"
            + @"\s*model: character varying\(2048\) null; database: character varying\(2048\) not null");
        drift.Output.ShouldMatch(@"public\.users\.ck_users_username_length\s*│\s*only in the database\s*│\s*check");
        drift.Output.ShouldMatch(@"public\.user_profiles\.fk_user_profiles_users_id\s*│"
            + @"\s*only in the model\s*│\s*foreign key to public\.users\(id\)");
        drift.Output.ShouldMatch(@"│\s*table\s*│\s*public\.scratch\s*│\s*only in the database");
        drift.Error.ShouldContain("5 difference(s)");
    }
}
