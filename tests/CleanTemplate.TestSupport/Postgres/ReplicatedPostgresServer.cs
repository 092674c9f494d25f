using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A primary of a test's own (default durability, so it writes the WAL a standby needs) and a hot standby streaming
/// from it, which the test may pause, stop, or add to. Databases created on the primary appear on the standby.
/// </summary>
public sealed class ReplicatedPostgresServer : IAsyncDisposable
{
    private readonly LocalPostgresCluster _primary;
    private readonly List<LocalPostgresCluster> _standbys = [];

    private ReplicatedPostgresServer(LocalPostgresCluster primary, PostgresTestServer server)
    {
        _primary = primary;
        Server = server;
    }

    /// <summary>
    /// The primary, with the migrated template database, for <see cref="PostgresTestServer.CreateDatabaseAsync"/>.
    /// </summary>
    public PostgresTestServer Server { get; }

    /// <summary>The first standby.</summary>
    public LocalPostgresCluster Standby => _standbys[0];

    public static async Task<ReplicatedPostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var primary = await LocalPostgresCluster.StartAsync(
            LocalPostgresOptions.ForTests() with { TunedForTests = false }, cancellationToken: cancellationToken);
        try
        {
            var server = await PostgresTestServer.StartOnAsync(new LocalClusterServer(primary), cancellationToken);
            var replicated = new ReplicatedPostgresServer(primary, server);
            await replicated.AddStandbyAsync(cancellationToken);
            return replicated;
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another standby of the primary, on a port of its own.</summary>
    public async Task<LocalPostgresCluster> AddStandbyAsync(CancellationToken cancellationToken = default)
    {
        var standby = await _primary.StartStandbyAsync(cancellationToken);
        _standbys.Add(standby);
        return standby;
    }

    /// <summary>
    /// The same database on <paramref name="standby"/>, as the app's
    /// <c>ConnectionStrings:DatabaseReplicas</c> would name it.
    /// </summary>
    public static string OnStandby(string connectionString, LocalPostgresCluster standby) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Port = standby.Port }.ConnectionString;

    /// <summary>
    /// Stops applying WAL on <paramref name="standby"/>: it keeps serving what it had (pg_wal_replay_pause).
    /// </summary>
    public static Task PauseReplayAsync(LocalPostgresCluster standby) =>
        RunAsync(standby, "SELECT pg_wal_replay_pause()");

    public static Task ResumeReplayAsync(LocalPostgresCluster standby) =>
        RunAsync(standby, "SELECT pg_wal_replay_resume()");

    /// <summary>
    /// Returns once <paramref name="standby"/> has replayed everything the primary had written when called; bounded
    /// polling, since replay runs in its own time.
    /// </summary>
    public Task WaitUntilReplayedAsync(LocalPostgresCluster standby) => WaitUntilReplayedAsync(_primary, standby);

    /// <inheritdoc cref="WaitUntilReplayedAsync(LocalPostgresCluster)"/>
    public static async Task WaitUntilReplayedAsync(LocalPostgresCluster primary, LocalPostgresCluster standby)
    {
        await using var writes = NpgsqlDataSource.Create(primary.AdminConnectionString());
        var written = (string)(await writes.CreateCommand("SELECT pg_current_wal_lsn()::text").ExecuteScalarAsync())!;
        await using var reads = NpgsqlDataSource.Create(standby.AdminConnectionString());
        await using var replayed = reads.CreateCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn");
        replayed.Parameters.Add(new NpgsqlParameter { Value = written });
        for (var attempt = 0; !(bool)(await replayed.ExecuteScalarAsync())!; attempt++)
        {
            if (attempt == 400)
                throw new TimeoutException($"Standby {standby.Port} never replayed {written}.");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var standby in _standbys)
            await standby.DisposeAsync();
        await _primary.DisposeAsync();
    }

    private static async Task RunAsync(LocalPostgresCluster standby, string sql)
    {
        await using var connection = new NpgsqlConnection(standby.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
