using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Application.Common.Messaging;
//#if (conduit)
using CleanTemplate.Domain.Articles.Events;
//#endif
using CleanTemplate.Domain.Users.Events;
using CleanTemplate.Web.FunctionalTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Events;

/// <summary>
/// The transactional outbox over HTTP, on real commits: every committed use case leaves its events in
/// <c>outbox_events</c>, a failed one leaves none, and the in-process handlers run only once the change is committed.
/// </summary>
public sealed class OutboxTests(OutboxTests.CommitWatchingFactory factory)
    : IClassFixture<OutboxTests.CommitWatchingFactory>, IAsyncLifetime
{
    public sealed class CommitWatchingFactory : WebApiFactory
    {
        public CommitWatchingFactory() => Commits = new CommitFailure(() => Database.ConnectionString);

        public CommitFailure Commits { get; }

        /// <summary>What each in-process handler saw from outside the writing transaction, by event.</summary>
        public List<(string Event, bool Committed)> Handled { get; } = [];

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Commits);
            services.AddSingleton<INotificationHandler<DomainEventNotification<UserRegistered>>>(
                new CommittedCheck<UserRegistered>(this, registered =>
                    ("SELECT count(*) FROM users WHERE id = @id", registered.User.Id)));
            //#if (conduit)
            services.AddSingleton<INotificationHandler<DomainEventNotification<ArticlePublished>>>(
                new CommittedCheck<ArticlePublished>(this, published =>
                    ("SELECT count(*) FROM articles WHERE id = @id", published.Article.Id)));
            //#endif
        }
    }

    // Asks on a connection of its own whether the row the event is about is there: it is only once committed.
    private sealed class CommittedCheck<TEvent>(
        CommitWatchingFactory factory, Func<TEvent, (string Sql, object Id)> row)
        : INotificationHandler<DomainEventNotification<TEvent>>
        where TEvent : Domain.Common.IDomainEvent
    {
        public async Task Handle(DomainEventNotification<TEvent> notification, CancellationToken cancellationToken)
        {
            var (sql, id) = row(notification.DomainEvent);
            var count = await factory.ScalarAsync<long>(sql, ("id", id));
            lock (factory.Handled)
                factory.Handled.Add((typeof(TEvent).Name, count == 1));
        }
    }

    public async Task InitializeAsync()
    {
        await factory.ResetDatabaseAsync();
        lock (factory.Handled)
            factory.Handled.Clear();
    }

    public Task DisposeAsync()
    {
        // A session the commit failure ended may still be idle in the host's pool; the next test must not draw it.
        factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_registration_leaves_one_users_registered_event_with_the_public_fields_only()
    {
        var response = await RegisterAsync("jake", "Jake@Example.com");

        var user = (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("user");
        var stored = await OutboxRow.ReadAsync(factory.Database);
        var registered = stored.ShouldHaveSingleItem();
        registered.Type.ShouldBe("users.registered");
        registered.Payload.GetProperty("username").GetString().ShouldBe("jake");
        registered.Payload.GetProperty("email").GetString().ShouldBe(user.GetProperty("email").GetString());
        var id = await factory.ScalarAsync<int>("SELECT id FROM users WHERE username = 'jake'");
        registered.Payload.GetProperty("userId").GetInt32().ShouldBe(id);
        registered.Payload.EnumerateObject().Select(property => property.Name)
            .ShouldBe(["userId", "username", "email"], ignoreOrder: true);
        registered.Tags.ShouldBeEmpty();
        registered.PublishedAt.ShouldBeNull();
        registered.Attempts.ShouldBe(0);
        registered.Id.Version.ShouldBe(7);
    }

    [Fact]
    public async Task A_refused_registration_leaves_no_event()
    {
        (await RegisterAsync("jake", "jake@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var taken = await RegisterAsync("jake", "other@example.com");
        var invalid = await RegisterAsync("", "nobody@example.com");

        taken.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await OutboxRow.ReadAsync(factory.Database)).ShouldHaveSingleItem().Payload.GetProperty("username")
            .GetString().ShouldBe("jake");
    }

    [Fact]
    public async Task A_registration_whose_commit_fails_leaves_neither_the_user_nor_its_event()
    {
        factory.Commits.ArmBeforeCommit();
        var response = await RegisterAsync("lost", "lost@example.com");

        factory.Commits.Failed.ShouldBe(1);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
        (await OutboxRow.ReadAsync(factory.Database)).ShouldBeEmpty();
        factory.Handled.ShouldBeEmpty();
    }

    [Fact]
    public async Task In_process_handlers_run_after_the_commit()
    {
        (await RegisterAsync("jake", "jake@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
        //#if (conduit)
        var (_, client) = await factory.SignedInUserAsync("author");
        (await client.PostAsJsonAsync("/api/articles", Article("Committed first"))).StatusCode
            .ShouldBe(HttpStatusCode.Created);
        //#endif

        factory.Handled.ShouldContain((nameof(UserRegistered), true));
        factory.Handled.ShouldAllBe(handled => handled.Committed);
        //#if (conduit)
        factory.Handled.ShouldContain((nameof(ArticlePublished), true));
        //#endif
    }
    //#if (conduit)

    [Fact]
    public async Task Each_article_write_leaves_its_event_naming_the_author_and_tagged_like_the_article()
    {
        var (author, client) = await factory.SignedInUserAsync("jake");
        var (_, reader) = await factory.SignedInUserAsync("reader");

        var created = await client.PostAsJsonAsync(
            "/api/articles", Article("Outbox basics", "postgres", "events"));
        var slug = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("slug").GetString()!;
        var updated = await client.PutAsJsonAsync(
            $"/api/articles/{slug}", new { article = new { title = "Outbox in practice" } });
        var newSlug = (await updated.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("article").GetProperty("slug").GetString()!;
        var commented = await reader.PostAsJsonAsync(
            $"/api/articles/{newSlug}/comments", new { comment = new { body = "Useful." } });
        var commentId = (await commented.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("comment").GetProperty("id").GetInt32();
        (await client.DeleteAsync($"/api/articles/{newSlug}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var stored = (await OutboxRow.ReadAsync(factory.Database)).Where(row => row.Type.StartsWith("articles."))
            .ToList();
        stored.Select(row => row.Type).ShouldBe(
            ["articles.published", "articles.updated", "articles.comment-added", "articles.deleted"]);
        stored.ShouldAllBe(row => row.Tags.SequenceEqual(new[] { "events", "postgres" }));
        stored.Take(2).Concat(stored.Skip(3)).ShouldAllBe(row =>
            row.Payload.GetProperty("author").GetString() == author.Username);
        var articleId = stored[0].Payload.GetProperty("articleId").GetGuid();
        stored.ShouldAllBe(row => row.Payload.GetProperty("articleId").GetGuid() == articleId);
        stored[0].Payload.GetProperty("slug").GetString().ShouldBe(slug);
        stored[0].Payload.GetProperty("tagList").EnumerateArray().Select(tag => tag.GetString())
            .ShouldBe(["events", "postgres"]);
        stored[0].Payload.TryGetProperty("body", out _).ShouldBeFalse();
        stored[1].Payload.GetProperty("slug").GetString().ShouldBe(newSlug);
        stored[2].Payload.GetProperty("author").GetString().ShouldBe("reader");
        stored[2].Payload.GetProperty("commentId").GetInt32().ShouldBe(commentId);
        stored[2].Payload.GetProperty("articleSlug").GetString().ShouldBe(newSlug);
        stored[3].Payload.GetProperty("slug").GetString().ShouldBe(newSlug);
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_leaves_no_event()
    {
        var (_, client) = await factory.SignedInUserAsync();
        var created = await client.PostAsJsonAsync("/api/articles", Article("Steady"));
        var article = (await created.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("article");

        var unchanged = await client.PutAsJsonAsync(
            $"/api/articles/{article.GetProperty("slug").GetString()}",
            new { article = new { description = article.GetProperty("description").GetString() } });

        unchanged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OutboxRow.ReadAsync(factory.Database)).Select(row => row.Type).ShouldBe(["articles.published"]);
    }

    [Fact]
    public async Task An_article_whose_commit_fails_leaves_neither_the_article_nor_its_event()
    {
        var (_, client) = await factory.SignedInUserAsync();

        factory.Commits.ArmBeforeCommit();
        var response = await client.PostAsJsonAsync("/api/articles", Article("Never written", "lost"));

        factory.Commits.Failed.ShouldBe(1);
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM articles")).ShouldBe(0);
        (await OutboxRow.ReadAsync(factory.Database)).ShouldBeEmpty();
        factory.Handled.ShouldNotContain(handled => handled.Event == nameof(ArticlePublished));
    }

    private static object Article(string title, params string[] tags) =>
        new { article = new { title, description = "About events.", body = "Written once.", tagList = tags } };
    //#endif

    private Task<HttpResponseMessage> RegisterAsync(string username, string email) =>
        factory.CreateClient().PostAsJsonAsync(
            "/api/users", new { user = new { username, email, password = "password1" } });
}
