using System.Diagnostics;
using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A PostgreSQL server of a test's own, from the local binaries, that the test may kill and start again: no other
/// test shares it. Unlike the run's server, commits are durable (<c>synchronous_commit</c> on), so every write the
/// server acknowledged survives a <c>kill -9</c>.
/// </summary>
public sealed class CrashablePostgresServer : IAsyncDisposable
{
    private readonly LocalPostgresCluster _cluster;

    private CrashablePostgresServer(LocalPostgresCluster cluster, PostgresTestServer server)
    {
        _cluster = cluster;
        Server = server;
    }

    /// <summary>
    /// The server with the migrated template database, for <see cref="PostgresTestServer.CreateDatabaseAsync"/>.
    /// </summary>
    public PostgresTestServer Server { get; }

    public static async Task<CrashablePostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        // Not tuned for tests: fsync is cheap in /dev/shm, and lost acknowledged commits
        // would make the test meaningless.
        var options = LocalPostgresOptions.ForTests() with { TunedForTests = false };
        var cluster = await LocalPostgresCluster.StartAsync(options, cancellationToken: cancellationToken);
        var server = await PostgresTestServer.StartOnAsync(new LocalClusterServer(cluster), cancellationToken);
        return new CrashablePostgresServer(cluster, server);
    }

    /// <summary>Kills the postmaster with SIGKILL, as a crash would, and returns once it is gone.</summary>
    public async Task KillAsync()
    {
        var processId = _cluster.ServerProcessId ?? throw new InvalidOperationException("The server is not running.");
        using (var postmaster = Process.GetProcessById(processId))
            postmaster.Kill();
        for (var attempt = 0; _cluster.ServerProcessId is not null; attempt++)
        {
            if (attempt == 200)
                throw new TimeoutException($"PostgreSQL (pid {processId}) did not die after SIGKILL.");
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Starts the server again on the same port and data; returns once it accepts connections. The killed server's
    /// backends leave its shared memory when they notice their postmaster is gone; until then a start is refused.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _cluster.RestartAsync(cancellationToken);
                // Idle pooled sessions of the test's own (arranging, dropping databases) died with the old server.
                NpgsqlConnection.ClearAllPools();
                return;
            }
            catch (LocalPostgresException) when (attempt < 40)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
