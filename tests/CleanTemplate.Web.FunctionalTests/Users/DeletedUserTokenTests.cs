using System.Net;
using System.Net.Http.Json;
//#if (conduit)
using CleanTemplate.Domain.Articles;
//#endif
using CleanTemplate.Domain.Users;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Users;

/// <summary>A correctly signed token whose user has no row: deleted, or a database restored from before.</summary>
public sealed class DeletedUserTokenTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string RowCounts =
        "SELECT concat_ws(',', (SELECT count(*) FROM users), (SELECT count(*) FROM user_profiles)" +
        //#if (conduit)
        ", (SELECT count(*) FROM articles), (SELECT count(*) FROM tags), (SELECT count(*) FROM article_tags)" +
        ", (SELECT count(*) FROM comments), (SELECT count(*) FROM favorites), (SELECT count(*) FROM follows)" +
        //#endif
        ")";

    [Theory]
    //#if (conduit)
    [InlineData("create article")]
    [InlineData("favorite")]
    [InlineData("comment")]
    [InlineData("follow")]
    //#endif
    [InlineData("current user")]
    [InlineData("update user")]
    public async Task A_token_this_host_issued_before_the_user_was_deleted_is_401_and_writes_nothing(string action)
    {
        var existing = await ArrangeExistingAsync();
        var (deleted, client) = await Factory.SignedInUserAsync();
        await DeleteAsync(deleted);
        var before = await Factory.ScalarAsync<string>(RowCounts);

        using var request = Request(action, existing);
        var response = await client.SendAsync(request);

        await ShouldBeRefusedAsync(response);
        (await Factory.ScalarAsync<string>(RowCounts)).ShouldBe(before);
    }

    [Theory]
    //#if (conduit)
    [InlineData("create article")]
    [InlineData("favorite")]
    [InlineData("comment")]
    [InlineData("follow")]
    [InlineData("list articles")]
    [InlineData("get article")]
    //#endif
    [InlineData("current user")]
    [InlineData("update user")]
    public async Task A_token_this_host_has_not_seen_for_a_deleted_user_is_401_and_writes_nothing(string action)
    {
        var existing = await ArrangeExistingAsync();
        var deleted = TestUsers.New();
        await Factory.SaveAsync(deleted);
        var token = TestTokens.For(deleted.Id);
        await DeleteAsync(deleted);
        var before = await Factory.ScalarAsync<string>(RowCounts);

        using var request = Request(action, existing);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        var response = await Anonymous.SendAsync(request);

        await ShouldBeRefusedAsync(response);
        (await Factory.ScalarAsync<string>(RowCounts)).ShouldBe(before);
    }

    /// <summary>What the requests act on: another user (and their article), who still exists.</summary>
    private async Task<Existing> ArrangeExistingAsync()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        return new Existing
        {
            Author = author,
            //#if (conduit)
            Article = await Factory.SaveArticleAsync(author, null, "existing"),
            //#endif
        };
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

    private static HttpRequestMessage Request(string action, Existing existing) => action switch
    {
        "current user" => new(HttpMethod.Get, "/api/user"),
        "update user" => new(HttpMethod.Put, "/api/user")
        {
            Content = JsonContent.Create(new { user = new { bio = "Back from the dead" } }),
        },
        //#if (conduit)
        "create article" => new(HttpMethod.Post, "/api/articles")
        {
            Content = JsonContent.Create(new
            {
                article = new { title = "Orphan", description = "d", body = "b", tagList = new[] { "brand-new" } },
            }),
        },
        "favorite" => new(HttpMethod.Post, $"/api/articles/{existing.Article.Slug}/favorite"),
        "comment" => new(HttpMethod.Post, $"/api/articles/{existing.Article.Slug}/comments")
        {
            Content = JsonContent.Create(new { comment = new { body = "Hello" } }),
        },
        "follow" => new(HttpMethod.Post, $"/api/profiles/{existing.Author.Username}/follow"),
        "list articles" => new(HttpMethod.Get, "/api/articles"),
        "get article" => new(HttpMethod.Get, $"/api/articles/{existing.Article.Slug}"),
        //#endif
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private sealed class Existing
    {
        public required User Author { get; init; }
        //#if (conduit)

        public required Article Article { get; init; }
        //#endif
    }
}
