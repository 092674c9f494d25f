using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class ArticleIdempotencyTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string Key = "3f6c1a52-create-article";

    private static object NewArticle(string title = "How to train your dragon") =>
        new
        {
            article = new
            {
                title, description = "Ever wonder how?", body = "You have to believe", tagList = new[] { "dragons" },
            },
        };

    private Task<long> ArticleCountAsync() => Factory.ScalarAsync<long>("SELECT count(*) FROM articles");

    [Fact]
    public async Task Repeating_a_create_with_the_same_key_replays_the_first_answer_and_writes_once()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var first = await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);
        var second = await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);

        await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        await second.ShouldBeJsonAsync(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        first.Headers.Location!.ToString().ShouldBe("/api/articles/how-to-train-your-dragon");
        first.IsReplay().ShouldBeFalse();
        second.IsReplay().ShouldBeTrue();
        (await ArticleCountAsync()).ShouldBe(1);
        (await Factory.StoredAnswerAsync(Key)).StatusCode.ShouldBe(201);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422_naming_the_header_and_writes_nothing()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);

        var response = await client.PostWithKeyAsync("/api/articles", NewArticle("Another title"), Key);

        var errors = await response.ShouldBeValidationProblemAsync("Idempotency-Key");
        errors.GetProperty("Idempotency-Key")[0].GetString().ShouldBe("was already used with a different request");
        (await ArticleCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_422()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);

        var response =
            await client.PostWithKeyAsync("/api/articles/how-to-train-your-dragon/favorite", NewArticle(), Key);

        await response.ShouldBeValidationProblemAsync("Idempotency-Key");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM favorites")).ShouldBe(0);
    }

    [Fact]
    public async Task Keys_are_per_user_so_another_user_with_the_same_key_writes_their_own_article()
    {
        var (jake, jakeClient) = await Factory.SignedInUserAsync("jake");
        var (anna, annaClient) = await Factory.SignedInUserAsync("anna");

        var jakes = await jakeClient.PostWithKeyAsync("/api/articles", NewArticle(), Key);
        var annas = await annaClient.PostWithKeyAsync("/api/articles", NewArticle(), Key);

        (await jakes.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("author").GetProperty("username").GetString()
            .ShouldBe(jake.Username);
        (await annas.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("author").GetProperty("username").GetString()
            .ShouldBe(anna.Username);
        annas.IsReplay().ShouldBeFalse();
        (await ArticleCountAsync()).ShouldBe(2);
        (await Factory.ScalarAsync<long>(
            "SELECT count(DISTINCT scope) FROM idempotency_keys WHERE key = @key", ("key", Key))).ShouldBe(2);
    }

    [Fact]
    public async Task Without_the_header_every_post_writes()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var first = await client.PostAsync("/api/articles", JsonContent.Create(NewArticle()));
        var second = await client.PostAsync("/api/articles", JsonContent.Create(NewArticle()));

        await first.ShouldBeJsonAsync(HttpStatusCode.Created);
        await second.ShouldBeJsonAsync(HttpStatusCode.Created);
        second.Headers.Location.ShouldNotBe(first.Headers.Location);
        (await ArticleCountAsync()).ShouldBe(2);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys")).ShouldBe(0);
    }

    [Fact]
    public async Task An_expired_key_is_treated_as_unused()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        var first = await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);
        (await Factory.ScalarAsync<long>(
            "WITH expired AS (UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' RETURNING 1) "
            + "SELECT count(*) FROM expired")).ShouldBe(1);

        var second = await client.PostWithKeyAsync("/api/articles", NewArticle(), Key);

        await second.ShouldBeJsonAsync(HttpStatusCode.Created);
        second.IsReplay().ShouldBeFalse();
        second.Headers.Location.ShouldNotBe(first.Headers.Location);
        (await ArticleCountAsync()).ShouldBe(2);
        (await Factory.ScalarAsync<bool>(
            "SELECT expires_at > now() FROM idempotency_keys WHERE key = @key", ("key", Key))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_validation_failure_is_stored_and_replayed()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        var invalid = new { article = new { title = "", description = "d", body = "b" } };

        var first = await client.PostWithKeyAsync("/api/articles", invalid, Key);
        var second = await client.PostWithKeyAsync("/api/articles", invalid, Key);

        await first.ShouldBeValidationProblemAsync("title");
        await second.ShouldBeValidationProblemAsync("title");
        // The trace id differs between two runs of a request: an identical body is the stored one.
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.IsReplay().ShouldBeTrue();
        (await Factory.StoredAnswerAsync(Key)).StatusCode.ShouldBe(422);
    }

    [Fact]
    public async Task Concurrent_duplicates_write_one_article_and_the_others_get_the_replay_or_409()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 5).Select(_ => client.PostWithKeyAsync("/api/articles", NewArticle(), Key)));

        responses.ShouldAllBe(response =>
            response.StatusCode == HttpStatusCode.Created || response.StatusCode == HttpStatusCode.Conflict);
        var created = responses.Where(response => response.StatusCode == HttpStatusCode.Created).ToList();
        created.ShouldNotBeEmpty();
        created.Select(response => response.Headers.Location).Distinct().Count().ShouldBe(1);
        foreach (var conflict in responses.Where(response => response.StatusCode == HttpStatusCode.Conflict))
            await conflict.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await ArticleCountAsync()).ShouldBe(1);
    }

    // An empty value is covered by the unit tests: HttpClient does not send an empty header.
    public static TheoryData<string> MalformedKeys { get; } = ["two words", "clé", new string('k', 256)];

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_422_naming_the_header_and_writes_nothing(string key)
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.PostWithKeyAsync("/api/articles", NewArticle(), key);

        var errors = await response.ShouldBeValidationProblemAsync("Idempotency-Key");
        errors.GetProperty("Idempotency-Key")[0].GetString()!.ShouldContain("visible ASCII");
        (await ArticleCountAsync()).ShouldBe(0);
    }
}
