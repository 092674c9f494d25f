using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Users;

/// <summary>A correctly signed token whose user has no row: deleted, or a database restored from before.</summary>
public sealed class DeletedUserTokenTests(ConduitApiFactory factory) : ApiTest(factory)
{
    private const string RowCounts =
        "SELECT concat_ws(',', (SELECT count(*) FROM users), (SELECT count(*) FROM articles), " +
        "(SELECT count(*) FROM tags), (SELECT count(*) FROM article_tags), (SELECT count(*) FROM comments), " +
        "(SELECT count(*) FROM favorites), (SELECT count(*) FROM follows))";

    [Theory]
    [InlineData("create article")]
    [InlineData("favorite")]
    [InlineData("comment")]
    [InlineData("follow")]
    [InlineData("current user")]
    public async Task A_token_this_host_issued_before_the_user_was_deleted_is_401_and_writes_nothing(string action)
    {
        var (author, article) = await AuthorWithArticleAsync();
        var (deleted, client) = await Factory.SignedInUserAsync();
        await DeleteAsync(deleted);
        var before = await Factory.ScalarAsync<string>(RowCounts);

        using var request = Request(action, author, article);
        var response = await client.SendAsync(request);

        await ShouldBeRefusedAsync(response);
        (await Factory.ScalarAsync<string>(RowCounts)).ShouldBe(before);
    }

    [Theory]
    [InlineData("create article")]
    [InlineData("favorite")]
    [InlineData("comment")]
    [InlineData("follow")]
    [InlineData("current user")]
    [InlineData("list articles")]
    [InlineData("get article")]
    public async Task A_token_this_host_has_not_seen_for_a_deleted_user_is_401_and_writes_nothing(string action)
    {
        var (author, article) = await AuthorWithArticleAsync();
        var deleted = TestUsers.New();
        await Factory.SaveAsync(deleted);
        var token = TestTokens.For(deleted.Id);
        await DeleteAsync(deleted);
        var before = await Factory.ScalarAsync<string>(RowCounts);

        using var request = Request(action, author, article);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        var response = await Anonymous.SendAsync(request);

        await ShouldBeRefusedAsync(response);
        (await Factory.ScalarAsync<string>(RowCounts)).ShouldBe(before);
    }

    private async Task<(User Author, Article Article)> AuthorWithArticleAsync()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        return (author, await Factory.SaveArticleAsync(author, null, "existing"));
    }

    private async Task DeleteAsync(User user) =>
        (await Factory.ScalarAsync<long>(
            "WITH gone AS (DELETE FROM users WHERE id = @id RETURNING 1) SELECT count(*) FROM gone", ("id", user.Id)))
        .ShouldBe(1);

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Token");
    }

    private static HttpRequestMessage Request(string action, User author, Article article) => action switch
    {
        "create article" => new(HttpMethod.Post, "/api/articles")
        {
            Content = JsonContent.Create(new
            {
                article = new { title = "Orphan", description = "d", body = "b", tagList = new[] { "brand-new" } },
            }),
        },
        "favorite" => new(HttpMethod.Post, $"/api/articles/{article.Slug}/favorite"),
        "comment" => new(HttpMethod.Post, $"/api/articles/{article.Slug}/comments")
        {
            Content = JsonContent.Create(new { comment = new { body = "Hello" } }),
        },
        "follow" => new(HttpMethod.Post, $"/api/profiles/{author.Username}/follow"),
        "current user" => new(HttpMethod.Get, "/api/user"),
        "list articles" => new(HttpMethod.Get, "/api/articles"),
        "get article" => new(HttpMethod.Get, $"/api/articles/{article.Slug}"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
