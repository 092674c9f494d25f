using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Comments;

public sealed class DeleteCommentTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string StatusOf = "SELECT status FROM comments WHERE id = @id";
    private const string UpdatedAtOf = "SELECT updated_at FROM comments WHERE id = @id";

    [Fact]
    public async Task The_comment_author_deleting_it_answers_204_and_keeps_the_row_marked_deleted()
    {
        var (articleAuthor, _) = await Factory.SignedInUserAsync();
        var (commenter, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(articleAuthor);
        var comment = await Factory.SaveCommentAsync(article, commenter);

        var response = await client.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Deleted");
        (await Factory.ScalarAsync<string>("SELECT body FROM comments WHERE id = @id", ("id", comment.Id)))
            .ShouldBe(comment.Body);
    }

    [Fact]
    public async Task A_deleted_comment_is_no_longer_listed()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var kept = await Factory.SaveCommentAsync(article, author);
        var deleted = await Factory.SaveCommentAsync(article, author);
        (await client.DeleteAsync($"/api/articles/{article.Slug}/comments/{deleted.Id}")).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

        var response = await Anonymous.GetAsync($"/api/articles/{article.Slug}/comments");

        var comments = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comments").EnumerateArray();
        comments.Select(comment => comment.GetProperty("id").GetInt32()).ShouldBe([kept.Id]);
    }

    [Fact]
    public async Task Deleting_another_users_comment_is_403_and_leaves_it_untouched()
    {
        var (commenter, _) = await Factory.SignedInUserAsync();
        var (articleAuthor, articleAuthorClient) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(articleAuthor);
        var comment = await Factory.SaveCommentAsync(article, commenter);
        var updatedAt = await Factory.ScalarAsync<DateTime>(UpdatedAtOf, ("id", comment.Id));

        var response = await articleAuthorClient.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Active");
        (await Factory.ScalarAsync<DateTime>(UpdatedAtOf, ("id", comment.Id))).ShouldBe(updatedAt);
    }

    [Fact]
    public async Task Deleting_a_comment_without_a_token_is_401_and_leaves_it_untouched()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var comment = await Factory.SaveCommentAsync(article, author);

        var response = await Anonymous.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Active");
    }

    [Fact]
    public async Task Deleting_an_unknown_comment_is_404()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var comment = await Factory.SaveCommentAsync(article, author);

        var response = await client.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id + 1000}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Active");
    }

    [Fact]
    public async Task Deleting_a_comment_through_another_articles_slug_is_404_and_leaves_it_untouched()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var other = await Factory.SaveArticleAsync(author);
        var comment = await Factory.SaveCommentAsync(article, author);

        var response = await client.DeleteAsync($"/api/articles/{other.Slug}/comments/{comment.Id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Active");
    }

    [Fact]
    public async Task Deleting_a_comment_twice_is_404_the_second_time()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);
        var comment = await Factory.SaveCommentAsync(article, author);
        (await client.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id}")).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

        var again = await client.DeleteAsync($"/api/articles/{article.Slug}/comments/{comment.Id}");

        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<string>(StatusOf, ("id", comment.Id))).ShouldBe("Deleted");
    }
}
