using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Articles;

public sealed class ArticleListTests(WebApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("tag")]
    [InlineData("author")]
    [InlineData("favorited")]
    public async Task A_NUL_character_in_a_filter_answers_422_naming_it(string filter)
    {
        var response = await Anonymous.GetAsync($"/api/articles?{filter}=a%00b");

        var errors = await response.ShouldBeValidationProblemAsync(filter);
        errors.GetProperty(filter)[0].GetString()!.ShouldContain("NUL");
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=2147483648", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=abc", "offset")]
    [InlineData("offset=99999999999", "offset")]
    [InlineData("offset=-1", "offset")]
    public async Task Paging_that_is_no_whole_number_in_range_answers_422_naming_the_parameter(
        string query, string field)
    {
        var response = await Anonymous.GetAsync($"/api/articles?{query}");

        var errors = await response.ShouldBeValidationProblemAsync(field);
        errors.GetProperty(field)[0].GetString()!.ShouldStartWith("must be a whole number");
    }

    [Fact]
    public async Task Articles_are_listed_newest_first_without_their_body_or_id()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var saved = await Factory.SaveArticlesAsync(author, 3, "dragons");

        var body = await (await Anonymous.GetAsync("/api/articles")).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("articlesCount").GetInt32().ShouldBe(3);
        var articles = body.GetProperty("articles").EnumerateArray().ToList();
        articles.Select(article => article.GetProperty("slug").GetString())
            .ShouldBe(saved.Reverse().Select(article => article.Slug));
        // The spec's members only: no body, and not the id the next page's cursor is made of.
        string[] members =
        [
            "slug", "title", "description", "tagList", "createdAt", "updatedAt",
            "favorited", "favoritesCount", "author",
        ];
        articles.ShouldAllBe(article =>
            article.EnumerateObject().Select(property => property.Name).SequenceEqual(members));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    public async Task A_page_costs_one_query_whatever_its_size(int size)
    {
        var (viewer, client) = await Factory.SignedInUserAsync();
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticlesAsync(author, size, "a", "b", "c");
        await Factory.FollowAsync(viewer, author);

        var response = await client.GetAsync($"/api/articles?limit={size}");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.GetProperty("articles").GetArrayLength().ShouldBe(size);
        body.GetProperty("articles")[0].GetProperty("author").GetProperty("following").GetBoolean().ShouldBeTrue();
        body.GetProperty("articles")[0].GetProperty("tagList").GetArrayLength().ShouldBe(3);
        body.GetProperty("articlesCount").GetInt32().ShouldBe(size);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Fact]
    public async Task A_page_past_the_end_costs_a_second_query_for_the_count()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticlesAsync(author, 3, "a");

        var body = await (await Factory.CreateClient().GetAsync("/api/articles?offset=10"))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("articles").GetArrayLength().ShouldBe(0);
        body.GetProperty("articlesCount").GetInt32().ShouldBe(3);
        Factory.QueryCounter.Count.ShouldBe(2, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    public async Task A_feed_page_costs_one_query_whatever_its_size(int size)
    {
        var (viewer, client) = await Factory.SignedInUserAsync();
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticlesAsync(author, size, "a", "b");
        await Factory.FollowAsync(viewer, author);

        var body = await (await client.GetAsync($"/api/articles/feed?limit={size}"))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("articles").GetArrayLength().ShouldBe(size);
        body.GetProperty("articlesCount").GetInt32().ShouldBe(size);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Fact]
    public async Task Filtering_by_tag_author_and_favorited()
    {
        var (jake, _) = await Factory.SignedInUserAsync();
        var (anna, annaClient) = await Factory.SignedInUserAsync();
        var dragons = await Factory.SaveArticlesAsync(jake, 2, "dragons");
        var cats = await Factory.SaveArticlesAsync(anna, 1, "cats");
        await annaClient.PostAsync($"/api/articles/{dragons[0].Slug}/favorite", null);

        (await SlugsAsync("/api/articles?tag=dragons")).ShouldBe(dragons.Reverse().Select(article => article.Slug));
        (await SlugsAsync($"/api/articles?author={anna.Username}")).ShouldBe([cats[0].Slug]);
        (await SlugsAsync($"/api/articles?favorited={anna.Username}")).ShouldBe([dragons[0].Slug]);
        (await SlugsAsync($"/api/articles?tag=cats&author={jake.Username}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_offset_past_the_end_is_an_empty_page_with_the_total()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticlesAsync(author, 3);

        var body = await (await Anonymous.GetAsync("/api/articles?offset=10")).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("articles").GetArrayLength().ShouldBe(0);
        body.GetProperty("articlesCount").GetInt32().ShouldBe(3);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Out_of_range_paging_answers_422_naming_the_parameter(string query, string field)
    {
        var response = await Anonymous.GetAsync($"/api/articles?{query}");

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Following_the_cursor_links_visits_every_article_once_in_order()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var saved = await Factory.SaveArticlesAsync(author, 7);
        var visited = new List<string>();

        var next = "/api/articles?limit=3";
        var pages = 0;
        while (next is not null)
        {
            var response = await Anonymous.GetAsync(next);
            var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
            visited.AddRange(body.GetProperty("articles").EnumerateArray()
                .Select(article => article.GetProperty("slug").GetString()!));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
            pages++;
        }

        pages.ShouldBe(3);
        visited.ShouldBe(saved.Reverse().Select(article => article.Slug));
    }

    [Fact]
    public async Task A_cursor_cannot_be_combined_with_an_offset()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticlesAsync(author, 3);
        var first = await Anonymous.GetAsync("/api/articles?limit=1");
        var cursorLink = first.Headers.GetValues("Link").Single().Split('<', '>')[1];

        var response = await Anonymous.GetAsync($"{cursorLink}&offset=1");

        await response.ShouldBeValidationProblemAsync("offset");
    }

    [Fact]
    public async Task The_feed_lists_only_followed_authors()
    {
        var (viewer, client) = await Factory.SignedInUserAsync();
        var (followed, _) = await Factory.SignedInUserAsync();
        var (stranger, _) = await Factory.SignedInUserAsync();
        var expected = await Factory.SaveArticlesAsync(followed, 2);
        await Factory.SaveArticlesAsync(stranger, 2);
        await Factory.FollowAsync(viewer, followed);

        var body = await (await client.GetAsync("/api/articles/feed")).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.GetProperty("articlesCount").GetInt32().ShouldBe(2);
        body.GetProperty("articles").EnumerateArray().Select(article => article.GetProperty("slug").GetString())
            .ShouldBe(expected.Reverse().Select(article => article.Slug));
    }

    [Fact]
    public async Task The_feed_needs_a_token()
    {
        await (await Anonymous.GetAsync("/api/articles/feed")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<List<string?>> SlugsAsync(string url)
    {
        var body = await (await Anonymous.GetAsync(url)).ShouldBeJsonAsync(HttpStatusCode.OK);
        return body.GetProperty("articles").EnumerateArray()
            .Select(article => article.GetProperty("slug").GetString())
            .ToList();
    }
}
