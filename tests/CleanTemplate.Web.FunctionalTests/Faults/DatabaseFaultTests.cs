using System.Diagnostics;
using System.Net;
using CleanTemplate.Web.Errors;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;
using static CleanTemplate.Web.FunctionalTests.Faults.SteadyLoad;

namespace CleanTemplate.Web.FunctionalTests.Faults;

[Collection(DatabaseFaultsDefinition.Name)]
public sealed class DatabaseFaultTests(CrashableDatabaseFactory factory, ITestOutputHelper output)
    : IClassFixture<CrashableDatabaseFactory>
{
    private const int WritesPerPhase = 10;

    [Fact]
    public async Task A_killed_database_answers_503_until_it_is_back_and_keeps_every_acknowledged_write_once()
    {
        var clock = Stopwatch.StartNew();
        var workload = await FaultWorkload.ArrangeAsync(factory);
        var writers = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
            writers.Add((await factory.SignedInUserAsync()).Client);
        var health = factory.CreateClient();
        var load = new SteadyLoad(workload, writers);

        load.Start();
        await WaitUntilAsync(
            () => Task.FromResult(load.Acknowledged(Phase.Before) >= WritesPerPhase), "writes before the crash");
        load.Current = Phase.Outage;
        var killedAt = clock.Elapsed;
        await factory.Postgres.KillAsync();
        output.WriteLine($"killed at {killedAt.TotalSeconds:F1} s, gone at {clock.Elapsed.TotalSeconds:F1} s");
        // Down for a while, as a crashed server is, with the load running against it.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var readyDuringOutage = (await health.GetAsync("/health/ready")).StatusCode;
        await factory.Postgres.RestartAsync();
        load.Current = Phase.After;
        output.WriteLine($"accepting connections again at {clock.Elapsed.TotalSeconds:F1} s");
        await WaitUntilAsync(
            async () => (await health.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "ready again");
        await WaitUntilAsync(
            () => Task.FromResult(load.Acknowledged(Phase.After) >= WritesPerPhase), "writes after the restart");
        await load.StopAsync();

        Report(load, clock.Elapsed);
        var failures = load.Outcomes.Where(outcome => !outcome.Succeeded).ToList();
        failures.ShouldAllBe(failure =>
            failure.Status == HttpStatusCode.ServiceUnavailable && failure.HasRetryAfter && failure.IsProblem);
        load.Outcomes.Count(outcome => outcome.Phase == Phase.Outage && !outcome.Succeeded).ShouldBeGreaterThan(0);
        readyDuringOutage.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var stored = await StoredBodiesAsync();
        load.AcknowledgedBodies().ShouldAllBe(body => stored.GetValueOrDefault(body) == 1);
        stored.Values.ShouldAllBe(count => count == 1);
    }

    private async Task<Dictionary<string, int>> StoredBodiesAsync()
    {
        // Not pooled: the test's own pooled sessions died with the server.
        var connectionString = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        return await StoredBodies.ReadAsync(connection);
    }

    private void Report(SteadyLoad load, TimeSpan elapsed)
    {
        output.WriteLine($"fault test: {elapsed.TotalSeconds:F1} s");
        foreach (var phase in load.Outcomes.GroupBy(outcome => outcome.Phase).OrderBy(group => group.Key))
        {
            var answers = phase.GroupBy(outcome => (outcome.IsWrite ? "write" : "read", (int)outcome.Status))
                .OrderBy(group => group.Key)
                .Select(group => $"{group.Key.Item1} {group.Key.Item2}: {group.Count()}");
            output.WriteLine($"{phase.Key}: {string.Join(", ", answers)}");
        }

        // The exception handler logs a 503 as a warning and a 500 as an error: name what each 500 was.
        foreach (var error in factory.Logs.From<GlobalExceptionHandler>().Where(entry => entry.Level >= LogLevel.Error))
            output.WriteLine($"{error.Message}\n{error.Exception}");
    }

    // What the server and the app do in their own time.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        if (!await Eventually.ObserveAsync(condition, done => done, TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"Never happened: {what}.");
    }
}
