using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Faults;

public sealed class PoolExhaustionTests(PoolExhaustionTests.TinyPoolFactory factory)
    : IClassFixture<PoolExhaustionTests.TinyPoolFactory>
{
    /// <summary>The host with two pooled connections, and one second to wait for one.</summary>
    public sealed class TinyPoolFactory : WebApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MaxPoolSize", "2");
            builder.UseSetting("Database:ConnectTimeoutSeconds", "1");
        }
    }

    [Fact]
    public async Task A_request_that_gets_no_pooled_connection_in_time_answers_503_and_the_pool_recovers_by_itself()
    {
        await factory.ResetDatabaseAsync();
        var (author, client) = await factory.SignedInUserAsync();
        var article = await factory.SaveArticleAsync(author);
        var comments = $"/api/articles/{article.Slug}/comments";

        // The test's own session (not from the host's pool) holds the lock that both pooled connections wait on.
        await using var locker = await factory.Database.OpenConnectionAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await ExecuteAsync(locker, "LOCK TABLE comments IN ACCESS EXCLUSIVE MODE");
        var blocked = new[] { factory.CreateClient().GetAsync(comments), factory.CreateClient().GetAsync(comments) };
        await WaitUntilSessionsWaitForTheLockAsync(2);

        var refused = await client.PostAsJsonAsync(comments, new { comment = new { body = "No connection for me." } });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString().ShouldBe("Try again later.");
        refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await ScalarAsync(locker, "SELECT count(*) FROM comments")).ShouldBe(0);

        await transaction.RollbackAsync();
        foreach (var waited in await Task.WhenAll(blocked))
            (await waited.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comments").GetArrayLength().ShouldBe(0);
        var retried = await client.PostAsJsonAsync(comments, new { comment = new { body = "Now there is one." } });
        (await retried.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("comment").GetProperty("body").GetString()
            .ShouldBe("Now there is one.");
        (await factory.ScalarAsync<long>("SELECT count(*) FROM comments")).ShouldBe(1);
    }

    // Observed in pg_stat_activity, not guessed from elapsed time; from a session of its own, since a transaction
    // sees one snapshot of pg_stat_activity throughout.
    private async Task WaitUntilSessionsWaitForTheLockAsync(int sessions)
    {
        const string waiting =
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
        for (var attempt = 0; await factory.ScalarAsync<long>(waiting) < sessions; attempt++)
        {
            if (attempt == 200)
                throw new TimeoutException($"{sessions} sessions never waited for the lock.");
            await Task.Delay(25);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
