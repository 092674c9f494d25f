using System.Net;
//#if (conduit)
using CleanTemplate.Infrastructure.BackgroundJobs;
//#endif
using CleanTemplate.TestSupport.Logging;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.Web.FunctionalTests.Support;
//#if (conduit)
using Microsoft.Extensions.DependencyInjection;
//#endif

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// What must hold when several instances of the app share one database: each is its own host here, with its own
/// pools, caches and background services, as two processes would have.
/// </summary>
public sealed class ManyInstancesTests(WebApiFactory factory) : ApiTest(factory)
{
    private static readonly object Registration =
        new { user = new { username = "jake", email = "jake@example.com", password = "password1" } };

    [Fact]
    public async Task The_same_idempotency_key_through_two_instances_writes_once_and_replays_on_the_other()
    {
        await using var other = Factory.WithWebHostBuilder(_ => { });

        var first = await Factory.CreateClient().PostWithKeyAsync("/api/users", Registration, "register-jake");
        var second = await other.CreateClient().PostWithKeyAsync("/api/users", Registration, "register-jake");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.IsReplay().ShouldBeTrue();
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_sent_to_two_instances_at_once_writes_once()
    {
        await using var other = Factory.WithWebHostBuilder(_ => { });
        var clients = new[] { Factory.CreateClient(), other.CreateClient() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(
            i => clients[i % 2].PostWithKeyAsync("/api/users", Registration, "register-jake-at-once")));

        answers.ShouldAllBe(answer => answer.StatusCode == HttpStatusCode.Created
            || answer.StatusCode == HttpStatusCode.Conflict);
        answers.Count(answer => answer.StatusCode == HttpStatusCode.Created && !answer.IsReplay()).ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [Fact]
    public async Task Instances_starting_at_once_on_an_empty_database_migrate_it_once_between_them()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        var onStartUp = new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            //#if (conduit)
            ["Database:SeedOnStartup"] = "true",
            //#endif
        };
        await using var first = new AppInstance(database.ConnectionString, onStartUp);
        await using var second = new AppInstance(database.ConnectionString, onStartUp);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        var applied = first.Logs.Entries.Concat(second.Logs.Entries).Count(AppliesAMigration);
        var migrations = await database.ScalarAsync<long>("""SELECT count(*) FROM "__EFMigrationsHistory" """);
        applied.ShouldBe((int)migrations);
        migrations.ShouldBeGreaterThan(0);
        // One of them applied everything; the other waited for the migration lock and found nothing to do.
        new[] { first, second }
            .ShouldContain(instance => !instance.Logs.Entries.Any(AppliesAMigration));
        //#if (conduit)
        // The seeders took turns too: no sample article twice.
        (await database.ScalarAsync<bool>(
            "SELECT count(*) > 0 AND count(*) = count(DISTINCT (author_id, title)) FROM articles"))
            .ShouldBeTrue();
        //#endif
    }
    //#if (conduit)

    [Fact]
    public async Task The_tag_statistics_job_runs_once_per_slot_across_instances()
    {
        var (author, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticleAsync(author, null, "dragons", "training");
        await using var other = Factory.WithWebHostBuilder(_ => { });
        var jobs = new[] { Factory, other }.Select(host => host.Services.GetRequiredService<TagStatisticsJob>());
        // One slot for decades: the slot cannot end during the test.
        var interval = TimeSpan.FromDays(10_000);

        var ran = await Task.WhenAll(jobs.Select(job => job.RunOncePerSlotAsync(interval, CancellationToken.None)));
        var again = await Task.WhenAll(jobs.Select(job => job.RunOncePerSlotAsync(interval, CancellationToken.None)));

        ran.Count(run => run).ShouldBe(1);
        again.ShouldAllBe(run => !run);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM tag_statistics")).ShouldBe(2);
    }
    //#endif

    private static bool AppliesAMigration(CapturedLogEntry entry) =>
        entry.Message.StartsWith("Applying migration", StringComparison.Ordinal);
}
