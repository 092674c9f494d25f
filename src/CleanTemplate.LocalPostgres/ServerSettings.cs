using System.Globalization;
using System.Text;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// The server settings, kept in their own file that postgresql.conf includes. A file is rewritten before every start,
/// so a persistent cluster can come back on another port; unlike pg_ctl's -o, it also needs no shell quoting of
/// paths.
/// </summary>
internal static class ServerSettings
{
    public const string ListenAddress = "127.0.0.1";

    private const string FileName = "cleantemplate.conf";

    // sun_path holds 108 bytes including the terminator; PostgreSQL refuses to start when a socket path does not fit.
    private const int MaxSocketPathBytes = 107;

    /// <summary>Makes a new cluster read the settings file; later ALTER SYSTEM settings still win.</summary>
    public static void IncludeIn(string dataDirectory) =>
        File.AppendAllText(
            Path.Combine(dataDirectory, "postgresql.conf"),
            "\n# Written by LocalPostgresCluster before every start. Use ALTER SYSTEM for lasting changes.\n"
                + $"include_if_exists = '{FileName}'\n");

    public static void Write(string dataDirectory, int port, bool tunedForTests)
    {
        var settings = new StringBuilder()
            .AppendLine("# Rewritten by LocalPostgresCluster before every start: edits here are lost.")
            .AppendLine(CultureInfo.InvariantCulture, $"listen_addresses = {Quote(ListenAddress)}")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {port}")
            // The default socket folder (/var/run/postgresql) may be missing or not writable; empty means TCP only.
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"unix_socket_directories = {Quote(SocketDirectory(dataDirectory, port))}")
            // Tests run in parallel and every test database keeps its own connection pool.
            .AppendLine("max_connections = 200");
        if (tunedForTests)
        {
            // Durability and crash safety buy nothing for data thrown away with the cluster.
            settings
                .AppendLine("fsync = off")
                .AppendLine("synchronous_commit = off")
                .AppendLine("full_page_writes = off")
                .AppendLine("wal_level = minimal")
                .AppendLine("max_wal_senders = 0")
                // Compiling a query can cost more than the small queries tests run.
                .AppendLine("jit = off");
        }

        File.WriteAllText(Path.Combine(dataDirectory, FileName), settings.ToString());
    }

    private static string SocketDirectory(string dataDirectory, int port) =>
        Encoding.UTF8.GetByteCount(Path.Combine(dataDirectory, $".s.PGSQL.{port}")) <= MaxSocketPathBytes
            ? dataDirectory
            : string.Empty;

    private static string Quote(string value) =>
        "'" + value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
