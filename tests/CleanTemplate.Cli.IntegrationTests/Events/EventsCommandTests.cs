using System.Text.Json;
using CleanTemplate.Cli.Composition;
using CleanTemplate.Cli.Events;
using CleanTemplate.Cli.IntegrationTests.Support;
using CleanTemplate.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.IntegrationTests.Events;

/// <summary>
/// <c>db events</c> on a database of its own holding a few outbox rows: each filter, their combination, and the SQL
/// they become (<c>@&gt;</c> and <c>&amp;&amp;</c>, which the GIN indexes serve).
/// </summary>
public sealed class EventsCommandTests(EventsCommandTests.OutboxFixture fixture)
    : IClassFixture<EventsCommandTests.OutboxFixture>
{
    public sealed class OutboxFixture : PostgresDatabaseFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var connection = await Database.OpenConnectionAsync();
            await using var insert = connection.CreateCommand();
            // Oldest first; the newest is still pending after one failed attempt.
            insert.CommandText = """
                INSERT INTO outbox_events
                  (id, type, payload, tags, occurred_at, published_at, attempts, last_error)
                VALUES
                  (gen_random_uuid(), 'users.registered', '{"userId": 1, "username": "jake"}', '{}',
                   now() - interval '4 minutes', now() - interval '4 minutes', 0, NULL),
                  (gen_random_uuid(), 'articles.published', '{"slug": "a", "author": "jake"}', '{dragons,training}',
                   now() - interval '3 minutes', now() - interval '3 minutes', 0, NULL),
                  (gen_random_uuid(), 'articles.published', '{"slug": "b", "author": "anna"}', '{dragons}',
                   now() - interval '2 minutes', NULL, 0, NULL),
                  (gen_random_uuid(), 'articles.comment-added', '{"articleSlug": "a", "author": "anna"}', '{training}',
                   now() - interval '1 minute', NULL, 1, 'broker unreachable')
                """;
            await insert.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Without_filters_every_event_is_listed_newest_first()
    {
        var types = await TypesAsync();

        types.ShouldBe(["articles.comment-added", "articles.published", "articles.published", "users.registered"]);
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_and_they_combine()
    {
        (await TypesAsync("--type", "users.registered")).ShouldBe(["users.registered"]);
        (await SlugsAsync("--tag", "dragons")).ShouldBe(["b", "a"]);
        (await TypesAsync("--tag", "training", "--tag", "nothing")).ShouldBe(
            ["articles.comment-added", "articles.published"]);
        (await TypesAsync("--where", """{"author":"anna"}""")).ShouldBe(
            ["articles.comment-added", "articles.published"]);
        (await TypesAsync("--pending")).ShouldBe(["articles.comment-added", "articles.published"]);
        (await SlugsAsync("--type", "articles.published", "--where", """{"author":"jake"}""", "--tag", "dragons"))
            .ShouldBe(["a"]);
        (await TypesAsync("--limit", "1")).ShouldBe(["articles.comment-added"]);
        (await TypesAsync("--where", """{"author":"nobody"}""")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_table_shows_the_payload_and_why_an_event_is_still_pending()
    {
        var listed = await CliRun.DbAsync(fixture.Database, "events", "--pending");

        listed.ShouldSucceed();
        listed.Output.ShouldContain("articles.comment-added");
        listed.Output.ShouldContain("1 failed attempt(s)");
        listed.Output.ShouldContain("broker unreachable");
        listed.Output.ShouldContain("\"author\": \"anna\"");
        (await CliRun.DbAsync(fixture.Database, "events", "--type", "none.such")).Output.Trim().ShouldBe("No events.");
    }

    [Theory]
    [InlineData("{author: jake}", "--where is not JSON")]
    [InlineData("[\"jake\"]", "--where must be a JSON object")]
    [InlineData("\"jake\"", "--where must be a JSON object")]
    public async Task A_where_that_is_not_a_json_object_is_a_usage_error(string where, string message)
    {
        var refused = await CliRun.DbAsync(fixture.Database, "events", "--where", where);

        refused.ShouldExitWith(ExitCodes.Usage);
        refused.Error.ShouldContain(message);
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_usage_error()
    {
        var refused = await CliRun.DbAsync(fixture.Database, "events", "--limit", "0");

        refused.ShouldExitWith(ExitCodes.Usage);
        refused.Error.ShouldContain("--limit must be between 1 and 10000");
    }

    [Fact]
    public async Task Payload_and_tag_filters_are_containment_and_overlap_which_the_gin_indexes_serve()
    {
        using var database = CliDatabase.FromConfiguration(CliConfiguration.Build(fixture.Database.ConnectionString));
        await using var db = database.Connect();
        var query = new EventFilter(null, ["dragons"], """{"author":"jake"}""", PendingOnly: false, Limit: 10)
            .Apply(db);

        var sql = query.ToQueryString();
        sql.ShouldContain("o.payload @> @");
        sql.ShouldContain("o.tags && @");

        // With sequential scans priced out, as they are on a large table, each filter is served by its own index.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        var byPayload = await PlanAsync(new EventFilter(null, [], """{"author":"jake"}""", false, 10).Apply(db), db);
        var byTag = await PlanAsync(new EventFilter(null, ["dragons"], null, false, 10).Apply(db), db);
        byPayload.ShouldContain("Bitmap Index Scan on ix_outbox_events_payload", customMessage: byPayload);
        byTag.ShouldContain("Bitmap Index Scan on ix_outbox_events_tags", customMessage: byTag);
    }

    private static async Task<string> PlanAsync<T>(IQueryable<T> query, DbContext db)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }

    private async Task<List<JsonElement>> ListAsync(params string[] filters)
    {
        var listed = await CliRun.DbAsync(fixture.Database, ["events", .. filters, "--json"]);
        listed.ShouldSucceed();
        return [.. JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().Select(item => item.Clone())];
    }

    private async Task<List<string>> TypesAsync(params string[] filters) =>
        [.. (await ListAsync(filters)).Select(item => item.GetProperty("type").GetString()!)];

    private async Task<List<string>> SlugsAsync(params string[] filters) =>
        [.. (await ListAsync(filters)).Select(item => item.GetProperty("payload").GetProperty("slug").GetString()!)];
}
