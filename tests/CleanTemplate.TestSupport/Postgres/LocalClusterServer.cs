using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>A cluster a test started for itself, as a test server; its owner disposes of the cluster.</summary>
internal sealed class LocalClusterServer(LocalPostgresCluster cluster) : ITestPostgresServer
{
    public string Description => $"local binaries of a test's own (127.0.0.1:{cluster.Port}, {cluster.DataDirectory})";

    public string? CloneStrategy => null;

    public NpgsqlConnectionStringBuilder ConnectionString(string database) =>
        new(cluster.AdminConnectionString(database));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
