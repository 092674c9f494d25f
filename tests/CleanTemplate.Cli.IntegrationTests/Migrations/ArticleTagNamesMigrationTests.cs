using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Migrations;

public sealed class ArticleTagNamesMigrationTests
{
    private const string Migration = "ArticleTagNames";

    [Fact]
    public async Task The_articles_already_there_get_their_tags_names_in_ordinal_order_and_untagged_ones_none()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        var before = MigrationIds.All[MigrationIds.All.ToList().FindIndex(id => id.EndsWith("_" + Migration)) - 1];
        (await CliRun.DbAsync(database, "upgrade", before[(before.IndexOf('_', StringComparison.Ordinal) + 1)..]))
            .ShouldSucceed();
        await database.ExecuteAsync(
            """
            INSERT INTO users (id, username, email, password_hash, status, created_at, updated_at)
            OVERRIDING SYSTEM VALUE VALUES (1, 'jake', 'jake@example.com', 'x', 'Active', now(), now());
            INSERT INTO tags (id, name) OVERRIDING SYSTEM VALUE VALUES (1, 'dragons'), (2, 'Zebras'), (3, 'apples');
            INSERT INTO articles (id, slug, title, description, body, author_id, status, created_at, updated_at)
            VALUES ('00000000-0000-7000-8000-000000000001', 'tagged', 't', 'd', 'b', 1, 'Active', now(), now()),
                   ('00000000-0000-7000-8000-000000000002', 'untagged', 't', 'd', 'b', 1, 'Active', now(), now());
            INSERT INTO article_tags (article_id, tag_id)
            VALUES ('00000000-0000-7000-8000-000000000001', 1), ('00000000-0000-7000-8000-000000000001', 2),
                   ('00000000-0000-7000-8000-000000000001', 3);
            """);

        (await CliRun.DbAsync(database, "upgrade", Migration)).ShouldSucceed();

        (await database.ScalarAsync<string[]>("SELECT tag_names FROM articles WHERE slug = 'tagged'"))
            .ShouldBe(["Zebras", "apples", "dragons"]);
        (await database.ScalarAsync<string[]>("SELECT tag_names FROM articles WHERE slug = 'untagged'"))
            .ShouldBeEmpty();
    }
}
