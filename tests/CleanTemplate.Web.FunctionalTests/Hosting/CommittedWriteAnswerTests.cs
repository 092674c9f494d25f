using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

/// <summary>
/// A write answers from what it read inside its own transaction: the database going away right after the commit
/// cannot turn a write that happened into an error (and a client's retry into a second write).
/// </summary>
public sealed class CommittedWriteAnswerTests(CommittedWriteAnswerTests.BreakingFactory factory)
    : IClassFixture<CommittedWriteAnswerTests.BreakingFactory>, IAsyncLifetime
{
    public sealed class BreakingFactory : WebApiFactory
    {
        public BreakingFactory() => Breaker = new ConnectionBreakerAfterCommit(() => Database.ConnectionString);

        public ConnectionBreakerAfterCommit Breaker { get; }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IInterceptor>(Breaker);
    }

    public Task InitializeAsync() => factory.ResetDatabaseAsync();

    // The ended session is still idle in the host's pool; the next test must not draw it.
    public Task DisposeAsync()
    {
        factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_comment_whose_connection_breaks_after_the_commit_answers_200_with_the_comment()
    {
        var (author, client) = await factory.SignedInUserAsync();
        var article = await factory.SaveArticleAsync(author);

        factory.Breaker.Arm();
        var response = await client.PostAsJsonAsync(
            $"/api/articles/{article.Slug}/comments", new { comment = new { body = "Kept once." } });

        var comment = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comment");
        comment.GetProperty("body").GetString().ShouldBe("Kept once.");
        comment.GetProperty("author").GetProperty("username").GetString().ShouldBe(author.Username);
        factory.Breaker.Broken.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM comments WHERE body = 'Kept once.' AND id = @id",
            ("id", comment.GetProperty("id").GetInt32()))).ShouldBe(1);
    }

    [Fact]
    public async Task An_article_whose_connection_breaks_after_the_commit_answers_201_with_the_article()
    {
        var (author, client) = await factory.SignedInUserAsync();

        factory.Breaker.Arm();
        var response = await client.PostAsJsonAsync("/api/articles",
            new
            {
                article = new { title = "Written once", description = "d", body = "b", tagList = new[] { "kept" } },
            });

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("article");
        article.GetProperty("slug").GetString().ShouldBe("written-once");
        article.GetProperty("tagList").EnumerateArray().Select(tag => tag.GetString()).ShouldBe(["kept"]);
        article.GetProperty("author").GetProperty("username").GetString().ShouldBe(author.Username);
        factory.Breaker.Broken.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM articles WHERE slug = 'written-once'")).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_whose_connection_breaks_after_the_commit_answers_200_with_the_edit()
    {
        var (author, client) = await factory.SignedInUserAsync();
        var saved = await factory.SaveArticleAsync(author);

        factory.Breaker.Arm();
        var response = await client.PutAsJsonAsync(
            $"/api/articles/{saved.Slug}", new { article = new { body = "Edited once." } });

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetProperty("body").GetString().ShouldBe("Edited once.");
        factory.Breaker.Broken.ShouldBe(1);
        (await factory.ScalarAsync<string>("SELECT body FROM articles WHERE id = @id", ("id", saved.Id)))
            .ShouldBe("Edited once.");
    }

    [Fact]
    public async Task A_favorite_whose_connection_breaks_after_the_commit_answers_200_with_the_favorited_article()
    {
        var (author, _) = await factory.SignedInUserAsync();
        var (reader, client) = await factory.SignedInUserAsync();
        var saved = await factory.SaveArticleAsync(author);

        factory.Breaker.Arm();
        var response = await client.PostAsync($"/api/articles/{saved.Slug}/favorite", null);

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetProperty("favorited").GetBoolean().ShouldBeTrue();
        article.GetProperty("favoritesCount").GetInt32().ShouldBe(1);
        factory.Breaker.Broken.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM favorites WHERE user_id = @user", ("user", reader.Id)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_follow_whose_connection_breaks_after_the_commit_answers_200_with_the_followed_profile()
    {
        var (followee, _) = await factory.SignedInUserAsync();
        var (follower, client) = await factory.SignedInUserAsync();

        factory.Breaker.Arm();
        var response = await client.PostAsync($"/api/profiles/{followee.Username}/follow", null);

        var profile = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("profile");
        profile.GetProperty("following").GetBoolean().ShouldBeTrue();
        factory.Breaker.Broken.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM follows WHERE follower_id = @id", ("id", follower.Id)))
            .ShouldBe(1);
    }
}
