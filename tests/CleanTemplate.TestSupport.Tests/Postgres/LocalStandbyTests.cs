using CleanTemplate.LocalPostgres;
using CleanTemplate.TestSupport.Postgres;
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
        await ReplicatedPostgresServer.WaitUntilReplayedAsync(primary, standby);

        (await reads.CreateCommand("SELECT pg_is_in_recovery()").ExecuteScalarAsync()).ShouldBe(true);
        (await reads.CreateCommand("SELECT count(*) FROM streamed").ExecuteScalarAsync()).ShouldBe(2L);
        var refused = await Should.ThrowAsync<PostgresException>(
            () => reads.CreateCommand("INSERT INTO streamed VALUES (3)").ExecuteNonQueryAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
    }
}
