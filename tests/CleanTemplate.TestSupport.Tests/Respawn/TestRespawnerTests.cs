using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Respawn;
using Respawn;
using Respawn.Graph;

namespace CleanTemplate.TestSupport.Tests.Respawn;

/// <summary>Each test takes a database of its own: some add tables to it.</summary>
public sealed class TestRespawnerTests
{
    [Fact]
    public async Task A_reset_empties_every_application_table_and_keeps_the_migration_history()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var author = TestUsers.New();
        await SaveAsync(database, author);
        //#if (conduit)
        await SaveAsync(database, TestArticles.New(author));
        //#endif
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await TestRespawner.CreateAsync(connection);

        await respawner.ResetAsync(connection);

        respawner.DeleteSql.ShouldStartWith("DELETE FROM ");
        (await database.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
        //#if (conduit)
        (await database.ScalarAsync<long>("SELECT count(*) FROM articles")).ShouldBe(0);
        //#endif
        (await database.ScalarAsync<long>("""SELECT count(*) FROM "__EFMigrationsHistory" """)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_kept_table_with_a_foreign_key_to_an_emptied_table_fails_naming_the_table()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync("CREATE TABLE user_badges (user_id integer NOT NULL REFERENCES users (id))");
        await using var connection = await database.OpenConnectionAsync();

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => TestRespawner.CreateAsync(connection, Keeping("user_badges")));

        failure.Message.ShouldContain("user_badges (it references users)");
    }

    [Fact]
    public async Task Respawns_default_truncate_cascade_empties_a_kept_table_that_references_an_emptied_one()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var user = TestUsers.New();
        await SaveAsync(database, user);
        await database.ExecuteAsync(
            "CREATE TABLE user_badges (user_id integer NOT NULL REFERENCES users (id)); " +
            $"INSERT INTO user_badges VALUES ({user.Id})");
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await Respawner.CreateAsync(connection, Keeping("user_badges", truncate: true));

        await respawner.ResetAsync(connection);

        (await database.ScalarAsync<long>("SELECT count(*) FROM user_badges")).ShouldBe(0);
    }

    [Fact]
    public async Task Ordered_deletes_empty_a_kept_table_through_an_on_delete_cascade_key()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var user = TestUsers.New();
        await SaveAsync(database, user);
        await database.ExecuteAsync(
            "CREATE TABLE user_badges (user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE); " +
            $"INSERT INTO user_badges VALUES ({user.Id})");
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await Respawner.CreateAsync(connection, Keeping("user_badges"));

        await respawner.ResetAsync(connection);

        (await database.ScalarAsync<long>("SELECT count(*) FROM user_badges")).ShouldBe(0);
    }

    [Fact]
    public async Task A_kept_table_without_such_a_key_keeps_its_rows()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync(
            "CREATE TABLE countries (code text PRIMARY KEY); INSERT INTO countries VALUES ('NZ')");
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await TestRespawner.CreateAsync(connection, Keeping("countries"));

        await respawner.ResetAsync(connection);

        (await database.ScalarAsync<long>("SELECT count(*) FROM countries")).ShouldBe(1);
    }

    /// <summary>
    /// The tests' options, keeping <paramref name="table"/> too; with Respawn's default TRUNCATE if asked.
    /// </summary>
    private static RespawnerOptions Keeping(string table, bool truncate = false) => new()
    {
        DbAdapter = TestRespawner.Options.DbAdapter,
        SchemasToInclude = TestRespawner.Options.SchemasToInclude,
        TablesToIgnore = [.. TestRespawner.Options.TablesToIgnore, new Table("public", table)],
        FormatDeleteStatement = truncate ? null : TestRespawner.Options.FormatDeleteStatement,
    };

    private static async Task SaveAsync(PostgresTestDatabase database, params object[] entities)
    {
        await using var db = database.CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }
}
