using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Articles;

public sealed class ArticleETagTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_update_with_a_stale_If_Match_is_409_and_keeps_the_other_change()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var slug = (await Factory.SaveArticlesAsync(author, 1))[0].Slug;
        var read = await client.GetAsync($"/api/articles/{slug}");
        var etag = read.Headers.ETag!.Tag;
        var otherEdit = new { article = new { body = "someone else's edit" } };
        (await client.PutAsJsonAsync($"/api/articles/{slug}", otherEdit)).EnsureSuccessStatusCode();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
        {
            Content = JsonContent.Create(new { article = new { body = "my edit" } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(stale);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Factory.ScalarAsync<string>("SELECT body FROM articles")).ShouldBe("someone else's edit");
    }

    [Fact]
    public async Task An_update_with_the_current_If_Match_succeeds_and_answers_a_new_ETag()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var slug = (await Factory.SaveArticlesAsync(author, 1))[0].Slug;
        var etag = (await client.GetAsync($"/api/articles/{slug}")).Headers.ETag!.Tag;

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
        {
            Content = JsonContent.Create(new { article = new { body = "my edit" } }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(update);

        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        (await Factory.ScalarAsync<string>("SELECT body FROM articles")).ShouldBe("my edit");
    }

    [Fact]
    public async Task A_malformed_If_Match_is_422()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var slug = (await Factory.SaveArticlesAsync(author, 1))[0].Slug;

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug}")
        {
            Content = JsonContent.Create(new { article = new { body = "x" } }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", "not-an-etag");
        var response = await client.SendAsync(update);

        await response.ShouldBeValidationProblemAsync("If-Match");
    }
}
