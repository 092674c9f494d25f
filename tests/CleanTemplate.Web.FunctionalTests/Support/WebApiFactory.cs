using System.Net.Http.Headers;
using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Identity;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Queries;
using CleanTemplate.TestSupport.Respawn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// The real host over HTTP, on a database of the test class's own. The app commits on its own connections, so
/// isolation between tests is a Respawn reset (<see cref="TestRespawner"/>) rather than a rolled-back transaction.
/// </summary>
public class WebApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private Respawner? _respawner;

    public QueryCounter QueryCounter { get; } = new();

    public PostgresTestDatabase Database =>
        _database ?? throw new InvalidOperationException("The factory is not initialized yet.");

    /// <summary>The connection string the host uses; a derived factory may point it elsewhere.</summary>
    protected virtual string HostConnectionString => Database.ConnectionString;

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        await using var connection = await Database.OpenConnectionAsync();
        _respawner = await TestRespawner.CreateAsync(connection);
    }

    /// <summary>
    /// The class's database: a clone on the run's server, unless a derived factory brings its own server.
    /// </summary>
    protected virtual Task<PostgresTestDatabase> CreateDatabaseAsync() => PostgresTestDatabase.CreateAsync();

    /// <summary>Stops a server a derived factory started for itself, once its database is dropped.</summary>
    protected virtual ValueTask DisposeServerAsync() => ValueTask.CompletedTask;

    /// <summary>Empties every application table; call before each test.</summary>
    public async Task ResetDatabaseAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        await _respawner!.ResetAsync(connection);
        KnownUsersCache.Clear(Services);
        QueryCounter.Reset();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings.For(HostConnectionString))
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(QueryCounter);
            ConfigureServices(services);
        });
    }

    /// <summary>What a derived factory registers over the app's own (e.g. a service that fails on purpose).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A user saved straight to the database (no HTTP round trip) and a client signed in as them.</summary>
    public async Task<(User User, HttpClient Client)> SignedInUserAsync(string? username = null)
    {
        var user = TestUsers.New(username);
        await SaveAsync(user);
        return (user, ClientFor(user));
    }

    /// <summary>A client whose requests carry a token for <paramref name="user"/>.</summary>
    public HttpClient ClientFor(User user)
    {
        var token = Services.GetRequiredService<ITokenIssuer>().Issue(user.Id, user.Username);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return client;
    }

    /// <summary>Saves entities in a scope of their own, so requests find them in the database and only there.</summary>
    public Task SaveAsync(params object[] entities) => ArrangeAsync(async db =>
    {
        db.AddRange(entities);
        await db.SaveChangesAsync();
        return entities;
    });
    //#if (conduit)

    /// <summary>An article by <paramref name="author"/> with these tags (created when missing).</summary>
    public Task<Article> SaveArticleAsync(User author, string? title = null, params string[] tags) =>
        ArrangeAsync(db => TestArticles.SaveAsync(db, author, title, tags));

    /// <summary>
    /// <paramref name="count"/> articles by <paramref name="author"/>, oldest first, each saved on its own (its own
    /// timestamp).
    /// </summary>
    public async Task<IReadOnlyList<Article>> SaveArticlesAsync(User author, int count, params string[] tags)
    {
        var articles = new List<Article>(count);
        for (var i = 0; i < count; i++)
            articles.Add(await SaveArticleAsync(author, null, tags));
        return articles;
    }

    /// <summary><paramref name="follower"/> follows <paramref name="followee"/>.</summary>
    public Task FollowAsync(User follower, User followee) => SaveAsync(new Follow(follower.Id, followee.Id));

    /// <summary>
    /// A comment by <paramref name="author"/> on <paramref name="article"/>, saved on its own (its own timestamp).
    /// </summary>
    public Task<Comment> SaveCommentAsync(Article article, User author, string? body = null) =>
        ArrangeAsync(db => TestComments.SaveAsync(db, article, author, body));
    //#endif

    /// <summary>Runs an arrange step in its own scope; the queries it costs are not counted against the act.</summary>
    private async Task<T> ArrangeAsync<T>(Func<ApplicationDbContext, Task<T>> arrange)
    {
        T arranged;
        await using (var scope = Services.CreateAsyncScope())
            arranged = await arrange(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
        QueryCounter.Reset();
        return arranged;
    }

    /// <summary>Reads one value from the test database, to check what a request left behind.</summary>
    public Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        Database.ScalarAsync<T>(sql, parameters);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
        await DisposeServerAsync();
    }
}
