using System.Net;
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
        var workload = await FaultWorkload.ArrangeAsync(factory);
        var writer = (await factory.SignedInUserAsync()).Client;
        var readers = new[] { (await factory.SignedInUserAsync()).Client, (await factory.SignedInUserAsync()).Client };

        // The test's own session (not from the host's pool) holds the lock that both pooled connections wait on.
        await using var locker = await factory.Database.OpenConnectionAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        await ExecuteAsync(locker, $"LOCK TABLE {FaultWorkload.Table} IN ACCESS EXCLUSIVE MODE");
        var blocked = readers.Select(workload.ReadAsync).ToArray();
        await WaitUntilSessionsWaitForTheLockAsync(2);

        var refused = await workload.WriteAsync(writer, "refused");

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString().ShouldBe("Try again later.");
        refused.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await StoredBodies.ReadAsync(locker)).ShouldNotContainKey("refused");

        await transaction.RollbackAsync();
        foreach (var waited in await Task.WhenAll(blocked))
            waited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var retried = await workload.WriteAsync(writer, "retried");
        retried.IsSuccessStatusCode.ShouldBeTrue();
        await using var reader = await factory.Database.OpenConnectionAsync();
        var stored = await StoredBodies.ReadAsync(reader);
        stored.GetValueOrDefault("retried").ShouldBe(1);
        stored.ShouldNotContainKey("refused");
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
}
