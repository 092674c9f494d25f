using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Tags;

public sealed class ListTagsTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Tags_of_live_articles_are_listed_most_used_first()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticleAsync(author, null, "angularjs", "reactjs", "dragons");
        await Factory.SaveArticleAsync(author, null, "reactjs", "dragons");
        await Factory.SaveArticleAsync(author, null, "reactjs");

        var response = await Anonymous.GetAsync("/api/tags");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.ShouldHaveExactlyProperties("tags");
        body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString())
            .ShouldBe(["reactjs", "dragons", "angularjs"]);
    }

    [Fact]
    public async Task Tags_used_only_by_a_deleted_article_are_no_longer_listed()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var deleted = await Factory.SaveArticleAsync(author, null, "orphaned", "shared");
        await Factory.SaveArticleAsync(author, null, "shared");
        (await client.DeleteAsync($"/api/articles/{deleted.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await Anonymous.GetAsync("/api/tags");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("tags").EnumerateArray()
            .Select(tag => tag.GetString())
            .ShouldBe(["shared"]);
        (await Factory.ScalarAsync<string>("SELECT status FROM articles WHERE id = @id", ("id", deleted.Id)))
            .ShouldBe("Deleted");
    }

    [Fact]
    public async Task A_deleted_article_no_longer_counts_towards_a_tags_rank()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var deleted = await Factory.SaveArticleAsync(author, null, "angularjs");
        await Factory.SaveArticleAsync(author, null, "angularjs");
        await Factory.SaveArticleAsync(author, null, "reactjs");
        await Factory.SaveArticleAsync(author, null, "reactjs");
        await Factory.SaveArticleAsync(author, null, "zebra");
        await Factory.SaveArticleAsync(author, null, "zebra");
        await Factory.SaveArticleAsync(author, null, "zebra");
        await Factory.SaveArticleAsync(author, null, "angularjs");
        (await client.DeleteAsync($"/api/articles/{deleted.Slug}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await Anonymous.GetAsync("/api/tags");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("tags").EnumerateArray()
            .Select(tag => tag.GetString())
            .ShouldBe(["zebra", "angularjs", "reactjs"]);
    }

    [Fact]
    public async Task Listing_tags_costs_one_query()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticleAsync(author, null, "dragons", "training");
        await Factory.SaveArticleAsync(author, null, "dragons");

        var response = await Anonymous.GetAsync("/api/tags");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }
}
