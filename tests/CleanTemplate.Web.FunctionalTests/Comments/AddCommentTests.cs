using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Comments;

public sealed class AddCommentTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Commenting_on_someone_elses_article_answers_the_spec_comment_and_stores_it()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var (me, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await client.PostAsJsonAsync(
            $"/api/articles/{article.Slug}/comments", new { comment = new { body = "His name was my name too." } });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.ShouldHaveExactlyProperties("comment");
        var comment = body.GetProperty("comment");
        comment.ShouldHaveExactlyProperties("id", "createdAt", "updatedAt", "body", "author");
        comment.GetProperty("body").GetString().ShouldBe("His name was my name too.");
        comment.GetProperty("author").ShouldHaveExactlyProperties("username", "bio", "image", "following");
        comment.GetProperty("author").GetProperty("username").GetString().ShouldBe(me.Username);
        var id = comment.GetProperty("id").GetInt32();
        (await Factory.ScalarAsync<string>(
            "SELECT body FROM comments "
                + "WHERE id = @id AND article_id = @article AND author_id = @author AND status = 'Active'",
            ("id", id), ("article", article.Id), ("author", me.Id))).ShouldBe("His name was my name too.");
    }

    [Fact]
    public async Task Comment_timestamps_are_the_stored_ones_in_utc_with_milliseconds()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await client.PostAsJsonAsync(
            $"/api/articles/{article.Slug}/comments", new { comment = new { body = "Dated." } });

        var comment = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comment");
        var createdAt = comment.GetProperty("createdAt").ShouldBeSpecTimestamp();
        comment.GetProperty("updatedAt").ShouldBeSpecTimestamp().ShouldBe(createdAt);
        var stored = await Factory.ScalarAsync<DateTime>(
            "SELECT created_at FROM comments WHERE id = @id", ("id", comment.GetProperty("id").GetInt32()));
        createdAt.ShouldBe(
            stored.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_empty_body_is_422_naming_the_body_and_stores_nothing()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await client.PostAsJsonAsync(
            $"/api/articles/{article.Slug}/comments", new { comment = new { body = "" } });

        var errors = await response.ShouldBeValidationProblemAsync("body");
        errors.GetProperty("body")[0].GetString().ShouldBe("can't be empty");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM comments")).ShouldBe(0);
    }

    [Fact]
    public async Task Commenting_without_a_token_is_401_and_stores_nothing()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        var article = await Factory.SaveArticleAsync(author);

        var response = await Anonymous.PostAsJsonAsync(
            $"/api/articles/{article.Slug}/comments", new { comment = new { body = "Anonymous." } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM comments")).ShouldBe(0);
    }

    [Fact]
    public async Task Commenting_on_an_unknown_article_is_404_and_stores_nothing()
    {
        var (author, client) = await Factory.SignedInUserAsync();
        await Factory.SaveArticleAsync(author);

        var response = await client.PostAsJsonAsync(
            "/api/articles/no-such-article/comments", new { comment = new { body = "Lost." } });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM comments")).ShouldBe(0);
    }
}
