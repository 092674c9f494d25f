using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence.Replicas;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// Queries on a real streaming standby, commands on the primary, and each caller reading their own writes even when
/// the standby has stopped replaying; a standby too far behind, or gone, leaves the reads to the primary.
/// </summary>
public sealed class ReadReplicaTests(ReplicaFactory factory) : IClassFixture<ReplicaFactory>, IAsyncLifetime
{
    private const string CommitLsn = "X-Commit-Lsn";

    public async Task InitializeAsync()
    {
        if (ReplicaFactory.SkipReason is not null)
            return;
        await factory.ResetDatabaseAsync();
        await ReplicatedPostgresServer.ResumeReplayAsync(factory.Servers.Standby);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Queries_run_on_the_standby_and_commands_on_the_primary()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (user, client) = await SignedInLongAgoAsync();

        factory.ServerRoles.Reset();
        var read = await client.GetAsync("/api/user");
        var readOn = factory.ServerRoles.InRecovery;
        factory.ServerRoles.Reset();
        var written = await client.PutAsJsonAsync("/api/user", new { user = new { bio = "Written." } });
        var writtenOn = factory.ServerRoles.InRecovery;

        (await read.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("username").GetString()
            .ShouldBe(user.Username);
        readOn.ShouldContain(true);
        read.Headers.Contains(CommitLsn).ShouldBeFalse();
        await written.ShouldBeJsonAsync(HttpStatusCode.OK);
        writtenOn.ShouldNotBeEmpty();
        writtenOn.ShouldNotContain(true);
        written.Headers.GetValues(CommitLsn).ShouldHaveSingleItem().ShouldContain('/');
    }

    [SkippableFact]
    public async Task A_caller_reads_their_own_write_at_once_while_the_standby_replays_nothing()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (user, client) = await SignedInLongAgoAsync();
        var another = factory.AnotherInstance();
        await UntilReadsReachTheStandbyAsync(Client(another, user));
        await ReplicatedPostgresServer.PauseReplayAsync(factory.Servers.Standby);

        var written = await client.PutAsJsonAsync("/api/user", new { user = new { bio = "Fresh." } });
        var position = written.Headers.GetValues(CommitLsn).Single();
        var sameInstance = await BioAsync(client);
        var elsewhereWithPosition = await BioAsync(Client(another, user), position);
        factory.ServerRoles.Reset();
        var elsewhereWithout = await BioAsync(Client(another, user));

        await written.ShouldBeJsonAsync(HttpStatusCode.OK);
        sameInstance.ShouldBe("Fresh.");
        elsewhereWithPosition.ShouldBe("Fresh.");
        // Another instance that was not told: the standby's older state, which is within the allowed lag.
        elsewhereWithout.ShouldBeNull();
        factory.ServerRoles.InRecovery.ShouldContain(true);
    }

    [SkippableFact]
    public async Task A_new_account_reads_itself_while_the_standby_replays_nothing()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        await ReplicatedPostgresServer.PauseReplayAsync(factory.Servers.Standby);
        var anonymous = factory.CreateClient();

        var registered = await anonymous.PostAsJsonAsync(
            "/api/users", new { user = new { username = "nora", email = "nora@example.com", password = "password1" } });
        var token = (await registered.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("user").GetProperty("token").GetString();
        var nora = factory.CreateClient();
        nora.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        var current = await nora.GetAsync("/api/user");

        (await current.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("email").GetString()
            .ShouldBe("nora@example.com");
    }
    //#if (conduit)

    [SkippableFact]
    public async Task An_article_reads_alike_on_the_primary_and_on_the_standby()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (_, writerClient) = await SignedInLongAgoAsync("writer");
        var (_, readerClient) = await SignedInLongAgoAsync("reader");

        var written = await writerClient.PostAsJsonAsync("/api/articles", new
        {
            article = new { title = "Read twice", description = "d", body = "b", tagList = new[] { "replicas" } },
        });
        var writtenOn = factory.ServerRoles.InRecovery;
        var answer = (await written.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("article");
        await factory.Servers.WaitUntilReplayedAsync(factory.Servers.Standby);
        factory.ServerRoles.Reset();
        var read = await readerClient.GetAsync($"/api/articles/{answer.GetProperty("slug").GetString()}");

        writtenOn.ShouldNotContain(true);
        factory.ServerRoles.InRecovery.ShouldContain(true);
        var article = (await read.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("article");
        article.GetRawText().ShouldBe(answer.GetRawText());
    }

    [SkippableFact]
    public async Task Another_user_sees_the_standby_state_during_the_pause()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (writer, writerClient) = await SignedInLongAgoAsync("writer");
        var (_, readerClient) = await SignedInLongAgoAsync("reader");
        await ReplicatedPostgresServer.PauseReplayAsync(factory.Servers.Standby);

        var written = await writerClient.PutAsJsonAsync("/api/user", new { user = new { bio = "Fresh." } });
        var profile = await readerClient.GetAsync($"/api/profiles/{writer.Username}");

        await written.ShouldBeJsonAsync(HttpStatusCode.OK);
        (await profile.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("profile").GetProperty("bio").GetString()
            .ShouldBeNull();
    }
    //#endif

    [SkippableFact]
    public async Task Reads_leave_a_standby_that_falls_further_behind_than_the_maximum_lag()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (user, writer) = await SignedInLongAgoAsync();
        var strict = factory.AnotherInstance(("Database:ReplicaMaxLagSeconds", "1"));
        var client = Client(strict, user);
        await UntilReadsReachTheStandbyAsync(client);
        await ReplicatedPostgresServer.PauseReplayAsync(factory.Servers.Standby);

        // Written through another instance, and the position not sent: nothing sends this reader to the primary.
        (await writer.PutAsJsonAsync("/api/user", new { user = new { bio = "Fresh." } })).EnsureSuccessStatusCode();
        var bio = await EventuallyAsync(() => BioAsync(client), seen => seen == "Fresh.");

        bio.ShouldBe("Fresh.");
    }

    [SkippableFact]
    public async Task Reads_fall_back_to_the_primary_without_an_error_when_the_standby_stops()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var standby = await factory.Servers.AddStandbyAsync();
        var (user, _) = await SignedInLongAgoAsync();
        // Checked when the test says, not on a timer: the first read after the stop finds out for itself.
        var instance = factory.AnotherInstance(
            factory.ReadsOn(standby),
            ("Database:ReplicaCheckIntervalMilliseconds", "120000"),
            ("Database:ReplicaMaxLagSeconds", "300"));
        var client = Client(instance, user);
        await instance.Services.GetRequiredService<ReplicaSet>().CheckAsync(CancellationToken.None);
        await factory.Servers.WaitUntilReplayedAsync(standby);
        await instance.Services.GetRequiredService<ReplicaSet>().CheckAsync(CancellationToken.None);
        await UntilReadsReachTheStandbyAsync(client);

        await standby.DisposeAsync();
        var afterStop = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            afterStop.Add((await client.GetAsync("/api/user")).StatusCode);

        afterStop.ShouldAllBe(status => status == HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_malformed_write_position_is_refused_with_the_header_named()
    {
        Skip.If(ReplicaFactory.SkipReason is not null, ReplicaFactory.SkipReason);
        var (_, client) = await SignedInLongAgoAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation(CommitLsn, "yesterday");

        var response = await client.SendAsync(request);

        var errors = await response.ShouldBeValidationProblemAsync(CommitLsn);
        errors.GetProperty(CommitLsn)[0].GetString()!.ShouldContain("WAL position");
    }

    // A user whose token is older than any lag: the token's age alone does not send them to the primary.
    private async Task<(User User, HttpClient Client)> SignedInLongAgoAsync(string? username = null)
    {
        var user = TestUsers.New(username);
        await factory.SaveAsync(user);
        await factory.Servers.WaitUntilReplayedAsync(factory.Servers.Standby);
        var client = Client(factory, user);
        await UntilReadsReachTheStandbyAsync(client);
        return (user, client);
    }

    // An instance reads the primary until its first checks of the standby; this waits for them.
    private async Task UntilReadsReachTheStandbyAsync(HttpClient client)
    {
        var roles = await EventuallyAsync(
            async () =>
            {
                factory.ServerRoles.Reset();
                (await client.GetAsync("/api/user")).EnsureSuccessStatusCode();
                return factory.ServerRoles.InRecovery;
            },
            roles => roles.Contains(true));
        roles.ShouldContain(true, "the reads never reached the standby");
        factory.ServerRoles.Reset();
    }

    private static HttpClient Client(WebApplicationFactory<Program> instance, User user)
    {
        var issued = DateTime.UtcNow.AddMinutes(-10);
        var token = TestTokens.For(user.Id, descriptor =>
        {
            descriptor.IssuedAt = issued;
            descriptor.NotBefore = issued;
        });
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return client;
    }

    private static async Task<string?> BioAsync(HttpClient client, string? position = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        if (position is not null)
            request.Headers.Add(CommitLsn, position);
        var response = await client.SendAsync(request);
        return (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("bio").GetString();
    }

    // What the standby checks decide in their own time.
    private static Task<T> EventuallyAsync<T>(Func<Task<T>> observe, Func<T, bool> done) =>
        Eventually.ObserveAsync(observe, done, TimeSpan.FromSeconds(10));
}
