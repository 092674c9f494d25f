using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Comments;

public sealed class ListCommentsTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Comments_are_listed_newest_first()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var first = await Factory.SaveCommentAsync(article, author, "first");
        var second = await Factory.SaveCommentAsync(article, author, "second");
        var third = await Factory.SaveCommentAsync(article, author, "third");

        var response = await Anonymous.GetAsync($"/api/articles/{article.Slug}/comments");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.ShouldHaveExactlyProperties("comments");
        var comments = body.GetProperty("comments").EnumerateArray().ToList();
        comments.Select(comment => comment.GetProperty("body").GetString()).ShouldBe(["third", "second", "first"]);
        comments.Select(comment => comment.GetProperty("id").GetInt32()).ShouldBe([third.Id, second.Id, first.Id]);
    }

    [Fact]
    public async Task Only_the_articles_own_comments_are_listed()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var other = await Factory.SaveArticleAsync(author);
        await Factory.SaveCommentAsync(article, author, "mine");
        await Factory.SaveCommentAsync(other, author, "not mine");

        var response = await Anonymous.GetAsync($"/api/articles/{article.Slug}/comments");

        var comments = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comments").EnumerateArray();
        comments.Select(comment => comment.GetProperty("body").GetString()).ShouldBe(["mine"]);
    }

    [Fact]
    public async Task An_article_without_comments_lists_none()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await Anonymous.GetAsync($"/api/articles/{article.Slug}/comments");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Listing_the_comments_of_an_unknown_article_is_404()
    {
        var response = await Anonymous.GetAsync("/api/articles/no-such-article/comments");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
