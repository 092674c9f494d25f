using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// One connection string per standby of <c>ConnectionStrings:DatabaseReplicas</c> (<c>Host=a,b:5433</c>): each is
/// checked and skipped on its own, which a multi-host data source cannot do. Keys the replicas' string leaves out
/// (database, username, password...) are those of <c>ConnectionStrings:Database</c>, except the host and port.
/// </summary>
internal static class ReplicaConnectionStrings
{
    private const int DefaultPort = 5432;

    public static IReadOnlyList<string> Build(string replicas, string primary, DatabaseOptions options)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = replicas };
        var merged = new NpgsqlConnectionStringBuilder(primary);
        merged.Remove("Host");
        merged.Remove("Port");
        foreach (string key in given.Keys)
            merged[key] = given[key];
        // Ours to decide per standby: which one serves, and whether it is one.
        merged.Remove("Target Session Attributes");
        merged.Remove("Load Balance Hosts");

        var hosts = (merged.Host ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (hosts.Length == 0)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{DependencyInjection.ReplicasConnectionStringName} names no host. Give one or more "
                + "standbys, for example Host=standby1,standby2:5433.");
        }

        var port = given.ContainsKey("Port") ? merged.Port : DefaultPort;
        return [.. hosts.Select(host => ForOneHost(merged, host, port, options))];
    }

    private static string ForOneHost(
        NpgsqlConnectionStringBuilder merged, string host, int defaultPort, DatabaseOptions options)
    {
        var one = new NpgsqlConnectionStringBuilder(merged.ConnectionString);
        (one.Host, one.Port) = HostAndPort(host, defaultPort);
        return DatabaseConnectionString.Build(one.ConnectionString, options);
    }

    // "name", "name:5433", "[::1]:5433" (a bare IPv6 address has several colons and no port).
    private static (string Host, int Port) HostAndPort(string host, int defaultPort)
    {
        var colon = host.LastIndexOf(':');
        var hasPort = colon > 0 && (host.IndexOf(':') == colon || host[colon - 1] == ']');
        if (!hasPort)
            return (host, defaultPort);
        if (!int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{DependencyInjection.ReplicasConnectionStringName}: '{host}' has no valid port.");
        }

        return (host[..colon].Trim('[', ']'), port);
    }
}
