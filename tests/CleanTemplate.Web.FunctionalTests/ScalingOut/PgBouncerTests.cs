using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// The app's main paths through PgBouncer in transaction mode, where every transaction may run on another server
/// session: what relies on a session (prepared statements, Npgsql's reset, the migration lock) must not be used.
/// </summary>
public sealed class PgBouncerTests(PgBouncerFactory factory) : IClassFixture<PgBouncerFactory>, IAsyncLifetime
{
    private const string Password = "password1";

    public Task InitializeAsync() =>
        PgBouncerFactory.SkipReason is null ? factory.ResetDatabaseAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public void Requests_connect_through_the_pooler_with_nothing_prepared_and_no_reset()
    {
        Skip.If(PgBouncerFactory.SkipReason is not null, PgBouncerFactory.SkipReason);

        var settings = new NpgsqlConnectionStringBuilder(
            factory.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        settings.Port.ShouldBe(factory.Bouncer.Port);
        settings.MaxAutoPrepare.ShouldBe(0);
        settings.NoResetOnClose.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task An_account_registers_signs_in_reads_and_updates_itself_through_the_pooler()
    {
        Skip.If(PgBouncerFactory.SkipReason is not null, PgBouncerFactory.SkipReason);
        var anonymous = factory.CreateClient();

        var registered = await anonymous.PostAsJsonAsync(
            "/api/users", new { user = new { username = "anna", email = "anna@example.com", password = Password } });
        (await registered.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("user").GetProperty("token");
        var token = await SignInAsync(anonymous, "anna@example.com");
        var anna = factory.CreateClient();
        anna.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        var updated = await anna.PutAsJsonAsync("/api/user", new { user = new { bio = "Behind a pooler." } });
        var current = await anna.GetAsync("/api/user");

        (await updated.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("bio").GetString()
            .ShouldBe("Behind a pooler.");
        (await current.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("bio").GetString()
            .ShouldBe("Behind a pooler.");
        factory.Bouncer.Log.ShouldContain($"db={factory.Database.Name}");
    }

    [SkippableFact]
    public async Task The_same_idempotency_key_through_the_pooler_registers_once()
    {
        Skip.If(PgBouncerFactory.SkipReason is not null, PgBouncerFactory.SkipReason);
        var anonymous = factory.CreateClient();
        var registration = new { user = new { username = "jake", email = "jake@example.com", password = Password } };

        var first = await anonymous.PostWithKeyAsync("/api/users", registration, "register-jake");
        var second = await anonymous.PostWithKeyAsync("/api/users", registration, "register-jake");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.IsReplay().ShouldBeTrue();
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Migrations_run_on_the_direct_connection_and_refuse_to_run_through_the_pooler()
    {
        Skip.If(PgBouncerFactory.SkipReason is not null, PgBouncerFactory.SkipReason);
        await using var withoutDirect = factory.WithWebHostBuilder(
            builder => builder.UseSetting("ConnectionStrings:DatabaseDirect", ""));

        await MigrateAsync(factory.Services);
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => MigrateAsync(withoutDirect.Services));

        refused.Message.ShouldContain("ConnectionStrings:DatabaseDirect");
    }
    //#if (conduit)

    [SkippableFact]
    public async Task Articles_are_written_listed_and_favorited_at_once_by_many_through_the_pooler()
    {
        Skip.If(PgBouncerFactory.SkipReason is not null, PgBouncerFactory.SkipReason);
        var (_, author) = await factory.SignedInUserAsync();
        var readers = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
            readers.Add((await factory.SignedInUserAsync()).Client);

        var created = await author.PostAsJsonAsync("/api/articles", new
        {
            article = new { title = "Pooled", description = "d", body = "b", tagList = new[] { "pgbouncer" } },
        });
        var slug = (await created.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("article").GetProperty("slug").GetString();
        var favorites = await Task.WhenAll(
            readers.Select(reader => reader.PostAsync($"/api/articles/{slug}/favorite", null)));
        var listed = await author.GetAsync("/api/articles?tag=pgbouncer");

        favorites.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        var articles = (await listed.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("articles");
        articles.GetArrayLength().ShouldBe(1);
        articles[0].GetProperty("favoritesCount").GetInt32().ShouldBe(readers.Count);
    }
    //#endif

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var response =
            await client.PostAsJsonAsync("/api/users/login", new { user = new { email, password = Password } });
        return (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("token")
            .GetString()!;
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }
}
