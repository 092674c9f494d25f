using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Respawn;
using Microsoft.EntityFrameworkCore;
using Respawn;

namespace CleanTemplate.Benchmarks;

/// <summary>What the test harness costs: cold start, a database per collection, isolation per test.</summary>
internal static class HarnessBenchmarks
{
    private const string InsertUser =
        "INSERT INTO users (username, email, password_hash, created_at, updated_at, status) "
        + "VALUES ('b', 'b@example.com', 'x', now(), now(), 'Active')";

    /// <param name="server">Just started: its start-up timings are the cold start.</param>
    public static async Task<IReadOnlyList<Measurement>> RunAsync(PostgresTestServer server)
    {
        var results = new List<Measurement>();
        results.Add(Measurement.Once("cold start: server up", server.StartupTimings.ServerStart, "-"));
        results.Add(Measurement.Once(
            "cold start: migrations into the template database", server.StartupTimings.TemplateMigration, "-"));
        results.Add(Measurement.Once("cold start: total", server.StartupTimings.Total, "<= 2000 ms"));

        var clones = new List<PostgresTestDatabase>();
        results.Add(await Measurement.RunAsync("clone a database (CREATE DATABASE ... TEMPLATE)", "<= 20 ms", 30,
            async () => clones.Add(await server.CreateDatabaseAsync())));

        var database = clones[^1];
        const string isolation = "rollback isolation: BEGIN + one INSERT + ROLLBACK";
        results.Add(await Measurement.RunAsync(isolation, "< 1 ms overhead", 300, async () =>
        {
            await using var db = database.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(InsertUser);
            await transaction.RollbackAsync();
        }));
        results.Add(await Measurement.RunAsync("  the same INSERT committed, for comparison", "-", 300, async () =>
        {
            await using var db = database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync(InsertUser);
            await db.Database.ExecuteSqlAsync($"DELETE FROM users");
        }));

        results.Add(await MeasureResetAsync(database, "reset per test: Respawn, TRUNCATE CASCADE",
            TestRespawner.Truncating()));
        results.Add(await MeasureResetAsync(database, "  the same, WithReseed = true",
            TestRespawner.Truncating(withReseed: true)));
        results.Add(await MeasureResetAsync(database, "  ordered DELETEs (the tests' options)", TestRespawner.Options));

        foreach (var clone in clones)
            await clone.DisposeAsync();
        return results;
    }

    /// <summary>A reset after a typical test's writes: a few users with their profiles.</summary>
    private static async Task<Measurement> MeasureResetAsync(PostgresTestDatabase database, string name,
        RespawnerOptions respawn)
    {
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await TestRespawner.CreateAsync(connection, respawn);
        var measured = await Measurement.RunAsync(name, "<= 10 ms", 100,
            () => respawner.ResetAsync(connection),
            between: async () =>
            {
                await using var db = database.CreateDbContext();
                db.Users.AddRange(TestUsers.New(), TestUsers.New(), TestUsers.New());
                await db.SaveChangesAsync();
            });
        return measured;
    }
}
