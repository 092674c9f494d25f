using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A throwaway cluster from the local PostgreSQL server binaries: a temp folder, a free port, durability off
/// (fsync, synchronous_commit, full_page_writes), stopped and deleted when the test process ends. It is the same
/// code that runs the Development database (<see cref="LocalPostgresCluster"/>).
/// </summary>
public sealed class LocalBinariesPostgresServerProvider : IPostgresServerProvider
{
    public string Name => "local";

    public Task<ProviderAvailability> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(LocalPostgresCluster.BinariesAvailable(out _)
            ? ProviderAvailability.Available
            : ProviderAvailability.Unavailable(
                "no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH or under /usr/lib/postgresql/*/bin"));

    public async Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var cluster = await LocalPostgresCluster.StartAsync(
            LocalPostgresOptions.ForTests(), cancellationToken: cancellationToken);
        return new LocalServer(cluster);
    }

    private sealed class LocalServer(LocalPostgresCluster cluster) : ITestPostgresServer
    {
        public string Description => $"local binaries (127.0.0.1:{cluster.Port}, {cluster.DataDirectory})";

        public string? CloneStrategy => cluster.DataInMemory ? "FILE_COPY" : null;

        public NpgsqlConnectionStringBuilder ConnectionString(string database) =>
            new(cluster.AdminConnectionString(database));

        public ValueTask DisposeAsync() => cluster.DisposeAsync();
    }
}
