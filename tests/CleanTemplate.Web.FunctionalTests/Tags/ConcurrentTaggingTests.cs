using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Tags;

/// <summary>
/// Exercises the tag upsert (INSERT ... ON CONFLICT DO NOTHING) under requests racing to create the same tags.
/// </summary>
public sealed class ConcurrentTaggingTests(WebApiFactory factory) : ApiTest(factory)
{
    private const int Articles = 10;

    [Fact]
    public async Task Articles_created_concurrently_with_a_new_tag_store_that_tag_once()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, Articles).Select(i =>
            client.PostAsJsonAsync("/api/articles", new
            {
                article = new
                {
                    title = $"Parallel {i}", description = "d", body = "b", tagList = new[] { "shared", $"own{i}" },
                },
            })));

        responses.Select(response => response.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Created);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM tags WHERE name = 'shared'")).ShouldBe(1);
        (await Factory.ScalarAsync<long>(
            "SELECT count(*) FROM article_tags JOIN tags ON tags.id = article_tags.tag_id WHERE tags.name = 'shared'"))
            .ShouldBe(Articles);
    }
}
