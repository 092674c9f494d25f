using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// How the import keeps foreign keys true: with PostgreSQL's row triggers, or with them off for its transaction and the
/// referenced rows resolved and locked once per name. Which one depends on the role's privileges and on the tables.
/// </summary>
public sealed class ArticleImportReferenceTests(ApplicationFixture fixture) : ArticleImportTest(fixture)
{
    [Theory]
    [InlineData(false, ReferenceChecking.RowTriggers)]
    [InlineData(true, ReferenceChecking.SetBased)]
    public async Task A_role_turns_the_row_triggers_off_only_when_granted_set_on_session_replication_role(
        bool granted, ReferenceChecking expected)
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var connectionString = Fixture.Database.ConnectionString;
        await using var role = await LoginRole.CreateAsync(connectionString);
        await role.GrantAsync(
            connectionString, "GRANT SELECT, INSERT, UPDATE ON users, tags, articles, article_tags TO {0}");
        if (granted)
            await role.GrantAsync(connectionString, "GRANT SET ON PARAMETER session_replication_role TO {0}");
        await using var dataSource = NpgsqlDataSource.Create(role.ConnectionString(connectionString));
        var rows = Enumerable.Range(0, 30)
            .Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-{i % 4}"]));

        await using var content = ImportFiles.Utf8(ImportFiles.Json(rows));
        var result = await new ArticleImporter(dataSource, Fixture.Clock)
            .ImportAsync(content, ArticleImportFormat.Json, null, CancellationToken.None);

        (result.ArticlesImported, result.TagsCreated, result.TagLinks, result.ReferenceChecking)
            .ShouldBe((30, 4, 30, expected));
        (await Fixture.Database.ScalarAsync<long>("""
            SELECT count(*) FROM article_tags l
            WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.article_id)
               OR NOT EXISTS (SELECT 1 FROM tags t WHERE t.id = l.tag_id)
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task A_trigger_of_its_own_on_a_table_the_import_writes_keeps_the_row_triggers_on()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        await Fixture.Database.ExecuteAsync("""
            CREATE TABLE imported_article_log (article_id uuid NOT NULL);
            CREATE FUNCTION log_imported_article() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN INSERT INTO imported_article_log VALUES (NEW.id); RETURN NULL; END $$;
            CREATE TRIGGER log_imported_article AFTER INSERT ON articles
                FOR EACH ROW EXECUTE FUNCTION log_imported_article();
            """);
        try
        {
            var rows = Enumerable.Range(0, 12).Select(i => new ImportRow(author, $"{Prefix} {i}"));

            var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json);

            result.ReferenceChecking.ShouldBe(ReferenceChecking.RowTriggers);
            (await Fixture.Database.ScalarAsync<long>("SELECT count(*) FROM imported_article_log")).ShouldBe(12);
        }
        finally
        {
            await Fixture.Database.ExecuteAsync("""
                DROP TRIGGER log_imported_article ON articles;
                DROP FUNCTION log_imported_article();
                DROP TABLE imported_article_log;
                """);
        }
    }

    [Fact]
    public async Task With_the_row_triggers_off_a_referenced_author_still_cannot_be_deleted_while_the_import_runs()
    {
        var author = (await CommitUsersAsync(1))[0];
        Task<Exception?>? deleting = null;
        var progress = new RecordingProgress<ImportProgress>(report =>
        {
            if (report.Stage != ImportStage.CopyingArticles || deleting is not null)
                return;
            // The import has resolved (and locked) its authors and not committed yet. The progress callback runs on the
            // importer's thread, so blocking here holds the import until the DELETE is seen waiting for the lock.
            deleting = Record.ExceptionAsync(() => DeleteUserAsync(author.Id));
            Fixture.Database.WaitUntilASessionWaitsForALockAsync().GetAwaiter().GetResult();
        });

        var rows = Enumerable.Range(0, 5).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        result.ReferenceChecking.ShouldBe(ReferenceChecking.SetBased);
        // Once the import commits, the DELETE goes on and meets the new articles' foreign key.
        var failure = deleting is null ? null : await deleting;
        failure.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }

    private async Task DeleteUserAsync(int id)
    {
        await using var connection = await Fixture.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("DELETE FROM users WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        await command.ExecuteNonQueryAsync();
    }
}
