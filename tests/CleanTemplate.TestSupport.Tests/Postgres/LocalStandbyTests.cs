using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Tests.Postgres;

public sealed class LocalStandbyTests
{
    [SkippableFact]
    public async Task A_standby_streams_what_the_primary_commits_and_refuses_writes()
    {
        Skip.IfNot(LocalPostgresCluster.BinariesAvailable(out _), "The PostgreSQL server binaries are not installed.");
        await using var primary =
            await LocalPostgresCluster.StartAsync(LocalPostgresOptions.ForTests() with { TunedForTests = false });
        await using var standby = await primary.StartStandbyAsync();
        await using var writes = NpgsqlDataSource.Create(primary.AdminConnectionString());
        await using var reads = NpgsqlDataSource.Create(standby.AdminConnectionString());

        await writes.CreateCommand("CREATE TABLE streamed (id int); INSERT INTO streamed VALUES (1), (2)")
            .ExecuteNonQueryAsync();
        var committed = (string)(await writes.CreateCommand("SELECT pg_current_wal_lsn()::text").ExecuteScalarAsync())!;
        await WaitUntilReplayedAsync(reads, committed);

        (await reads.CreateCommand("SELECT pg_is_in_recovery()").ExecuteScalarAsync()).ShouldBe(true);
        (await reads.CreateCommand("SELECT count(*) FROM streamed").ExecuteScalarAsync()).ShouldBe(2L);
        var refused = await Should.ThrowAsync<PostgresException>(
            () => reads.CreateCommand("INSERT INTO streamed VALUES (3)").ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
    }

    // Bounded polling for the standby's replay, which runs in its own time; nothing asserts how long it took.
    private static async Task WaitUntilReplayedAsync(NpgsqlDataSource standby, string lsn)
    {
        await using var command = standby.CreateCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn");
        command.Parameters.Add(new NpgsqlParameter { Value = lsn });
        for (var attempt = 0; !(bool)(await command.ExecuteScalarAsync())!; attempt++)
        {
            if (attempt == 200)
                throw new TimeoutException($"The standby never replayed {lsn}.");
            await Task.Delay(25);
        }
    }
}
