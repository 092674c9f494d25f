using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Events;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

/// <summary>
/// With retries on, as in production: a commit that fails is replayed only when it did not happen, so a write whose
/// COMMIT reply was lost is stored once and answers what it wrote, and one whose commit failed is stored by the retry.
/// </summary>
public sealed class ReplayedCommitTests(ReplayedCommitTests.RetryingFactory factory)
    : IClassFixture<ReplayedCommitTests.RetryingFactory>, IAsyncLifetime
{
    public sealed class RetryingFactory : WebApiFactory
    {
        public RetryingFactory() => Commits = new CommitFailure(() => Database.ConnectionString);

        public CommitFailure Commits { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MaxRetryCount", "3");
            builder.UseSetting("Database:MaxRetryDelaySeconds", "1");
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IInterceptor>(Commits);
    }

    public Task InitializeAsync() => factory.ResetDatabaseAsync();

    // The ended session may still be idle in the host's pool; the next test must not draw it.
    public Task DisposeAsync()
    {
        factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_comment_whose_commit_reply_is_lost_is_stored_once_and_answers_200_with_it()
    {
        var (author, client) = await factory.SignedInUserAsync();
        var article = await factory.SaveArticleAsync(author);

        factory.Commits.ArmAfterCommit();
        var response = await PostCommentAsync(client, article.Slug, "Kept once.");

        var comment = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comment");
        comment.GetProperty("body").GetString().ShouldBe("Kept once.");
        comment.GetProperty("author").GetProperty("username").GetString().ShouldBe(author.Username);
        factory.Commits.Failed.ShouldBe(1);
        (await CommentIdsAsync("Kept once.")).ShouldBe([comment.GetProperty("id").GetInt32()]);
        (await EventTypesAsync()).ShouldBe(["articles.comment-added"]);
    }

    [Fact]
    public async Task A_comment_whose_commit_fails_is_retried_and_stored_once()
    {
        var (author, client) = await factory.SignedInUserAsync();
        var article = await factory.SaveArticleAsync(author);

        factory.Commits.ArmBeforeCommit();
        var response = await PostCommentAsync(client, article.Slug, "Written by the retry.");

        var comment = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comment");
        comment.GetProperty("body").GetString().ShouldBe("Written by the retry.");
        factory.Commits.Failed.ShouldBe(1);
        (await CommentIdsAsync("Written by the retry.")).ShouldBe([comment.GetProperty("id").GetInt32()]);
        (await EventTypesAsync()).ShouldBe(["articles.comment-added"]);
    }

    [Fact]
    public async Task An_article_whose_commit_reply_is_lost_is_stored_once_and_answers_201_with_it()
    {
        var (author, client) = await factory.SignedInUserAsync();

        factory.Commits.ArmAfterCommit();
        var response = await PostArticleAsync(client, "Written once");

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("article");
        article.GetProperty("slug").GetString().ShouldBe("written-once");
        article.GetProperty("tagList").EnumerateArray().Select(tag => tag.GetString()).ShouldBe(["kept"]);
        article.GetProperty("author").GetProperty("username").GetString().ShouldBe(author.Username);
        factory.Commits.Failed.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM articles")).ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM article_tags")).ShouldBe(1);
        (await EventTypesAsync()).ShouldBe(["articles.published"]);
    }

    [Fact]
    public async Task An_edit_whose_commit_fails_is_retried_and_stored()
    {
        var (author, client) = await factory.SignedInUserAsync();
        var saved = await factory.SaveArticleAsync(author);

        factory.Commits.ArmBeforeCommit();
        var response = await client.PutAsJsonAsync(
            $"/api/articles/{saved.Slug}", new { article = new { body = "Edited by the retry." } });

        var article = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetProperty("body").GetString().ShouldBe("Edited by the retry.");
        factory.Commits.Failed.ShouldBe(1);
        (await factory.ScalarAsync<string>("SELECT body FROM articles WHERE id = @id", ("id", saved.Id)))
            .ShouldBe("Edited by the retry.");
        (await EventTypesAsync()).ShouldBe(["articles.updated"]);
    }

    [Fact]
    public async Task A_registration_whose_commit_reply_is_lost_is_stored_once_and_answers_201_with_the_user()
    {
        factory.Commits.ArmAfterCommit();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users",
            new { user = new { username = "once", email = "once@example.com", password = "password123" } });

        var user = (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("user");
        user.GetProperty("username").GetString().ShouldBe("once");
        user.GetProperty("token").GetString().ShouldNotBeNullOrEmpty();
        factory.Commits.Failed.ShouldBe(1);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users WHERE username = 'once'")).ShouldBe(1);
        (await EventTypesAsync()).ShouldBe(["users.registered"]);
    }

    [Fact]
    public async Task A_registration_whose_commit_fails_is_retried_and_stored_once_with_one_event()
    {
        factory.Commits.ArmBeforeCommit();
        var response = await factory.CreateClient().PostAsJsonAsync("/api/users",
            new { user = new { username = "retried", email = "retried@example.com", password = "password123" } });

        await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        factory.Commits.Failed.ShouldBe(1);
        var id = await factory.ScalarAsync<int>("SELECT id FROM users WHERE username = 'retried'");
        var registered = (await OutboxRow.ReadAsync(factory.Database)).ShouldHaveSingleItem();
        registered.Type.ShouldBe("users.registered");
        registered.Payload.GetProperty("userId").GetInt32().ShouldBe(id);
    }

    private static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string slug, string body) =>
        client.PostAsJsonAsync($"/api/articles/{slug}/comments", new { comment = new { body } });

    private static Task<HttpResponseMessage> PostArticleAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync("/api/articles",
            new { article = new { title, description = "d", body = "b", tagList = new[] { "kept" } } });

    private async Task<string[]> EventTypesAsync() =>
        [.. (await OutboxRow.ReadAsync(factory.Database)).Select(row => row.Type)];

    private async Task<int[]> CommentIdsAsync(string body) =>
        [.. (await factory.ScalarAsync<int[]>(
            "SELECT array_agg(id) FROM comments WHERE body = @body", ("body", body)))!];
}
