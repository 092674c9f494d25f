using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// A throwaway PgBouncer (the Debian package's binary) in transaction-pooling mode in front of one PostgreSQL server,
/// on a free loopback port: every database of the server is reachable through it under its own name, as the login
/// of the given connection string. For tests of the app behind a pooler; never for Development or production.
/// </summary>
public sealed class LocalPgBouncer : IAsyncDisposable
{
    private const string ProgramName = "pgbouncer";
    private const int StartAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly string _runFolder;
    private readonly ILogger _logger;
    private readonly Lazy<Task> _disposal;

    private LocalPgBouncer(string runFolder, ILogger logger)
    {
        _runFolder = runFolder;
        _logger = logger;
        _disposal = new Lazy<Task>(() => Task.Run(StopAsync));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The loopback port PgBouncer listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The pgbouncer program on PATH or in the package's folders; null when it is not installed.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"])
            .Select(folder => Path.Combine(folder, ProgramName))
            .FirstOrDefault(File.Exists);

    /// <summary>Why PgBouncer cannot be started here, or null when it is installed.</summary>
    public static string? NotInstalled => FindExecutable() is null
        ? "PgBouncer is not installed: apt-get install pgbouncer (.ci/run installs it), or put pgbouncer on PATH."
        : null;

    /// <summary>What PgBouncer logged so far: its connections, logins and errors.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private string LogFile => Path.Combine(_runFolder, "pgbouncer.log");

    private string PidFile => Path.Combine(_runFolder, "pgbouncer.pid");

    /// <summary>
    /// Starts PgBouncer in front of the server <paramref name="serverConnectionString"/> names (its host, port, user
    /// and password) and returns once it accepts connections.
    /// </summary>
    public static async Task<LocalPgBouncer> StartAsync(
        string serverConnectionString, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("LocalPgBouncer runs PgBouncer on Linux and macOS only.");

        var executable = FindExecutable() ?? throw new LocalPostgresException(NotInstalled!);
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var account = ServerAccount.Current;
        await EphemeralRuns.CleanUpOrphansAsync(PostgresBinaries.Find(), account, logger ?? NullLogger.Instance,
            cancellationToken);
        var runFolder = EphemeralRuns.ClaimRunFolder(EphemeralRuns.NewRunFolder(ProgramName));
        var bouncer = new LocalPgBouncer(runFolder, logger ?? NullLogger.Instance);
        try
        {
            await bouncer.StartProcessAsync(executable, server, account, cancellationToken);
            return bouncer;
        }
        catch
        {
            await bouncer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="connectionString"/> (a database on the server behind) led through PgBouncer instead.
    /// </summary>
    public string Route(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>Stops PgBouncer and deletes its folder; runs once, also at process exit, and never throws.</summary>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    /// <summary>Stops the PgBouncer whose files are in <paramref name="runFolder"/>, if one still runs there.</summary>
    internal static async Task StopInAsync(string runFolder)
    {
        var pidFile = Path.Combine(runFolder, "pgbouncer.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture,
                out var pid)
            || !OsProcess.IsRunning(pid, ProgramName))
        {
            return;
        }

        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [UnsupportedOSPlatform("windows")]
    private async Task StartProcessAsync(
        string executable,
        NpgsqlConnectionStringBuilder server,
        ServerAccount account,
        CancellationToken cancellationToken)
    {
        var config = Path.Combine(_runFolder, "pgbouncer.ini");
        var users = Path.Combine(_runFolder, "userlist.txt");
        // The login PgBouncer uses on the server: its password (a test server's throwaway one) in plain text, so that
        // it can answer any method the server asks for; clients are trusted, as on the local test server.
        await File.WriteAllTextAsync(users, $"{Quoted(server.Username)} {Quoted(server.Password ?? "")}\n",
            cancellationToken);
        File.SetUnixFileMode(users, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.PickFree();
            // A failed attempt's files would read as this one's failure (or readiness).
            File.Delete(LogFile);
            File.Delete(PidFile);
            await File.WriteAllTextAsync(config, Config(server, users), cancellationToken);
            await account.GiveOwnershipAsync(_runFolder, cancellationToken);
            (await account.RunAsync(executable, ["-d", config], cancellationToken)).ThrowIfFailed(Log);
            if (await AcceptsConnectionsAsync(cancellationToken))
                break;
            if (attempt == StartAttempts || !Log.Contains("Address already in use", StringComparison.Ordinal))
                throw new LocalPostgresException($"PgBouncer did not start on port {Port}. Its log:\n{Log}");
            await StopInAsync(_runFolder);
        }

        _logger.LogInformation(
            "PgBouncer (transaction pooling) is listening on 127.0.0.1:{Port} in front of {Host}:{ServerPort}",
            Port, server.Host, server.Port);
    }

    private string Config(NpgsqlConnectionStringBuilder server, string users) => string.Join('\n',
        "[databases]",
        $"* = host={server.Host} port={server.Port}",
        "",
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        $"listen_port = {Port}",
        "unix_socket_dir =",
        "pool_mode = transaction",
        "auth_type = trust",
        $"auth_file = {users}",
        "max_client_conn = 500",
        "default_pool_size = 20",
        $"logfile = {LogFile}",
        $"pidfile = {PidFile}",
        "");

    // With -d the command returns before PgBouncer listens: ready means a pid file and a port that answers.
    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (File.Exists(PidFile))
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                    return true;
                }
                catch (SocketException)
                {
                }
            }
            else if (Log.Contains("nowhere to listen", StringComparison.Ordinal)
                || Log.Contains("FATAL", StringComparison.Ordinal))
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return false;
    }

    private static string Quoted(string? value) =>
        '"' + (value ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + '"';

    private void OnProcessExit(object? sender, EventArgs e) => _disposal.Value.GetAwaiter().GetResult();

    private async Task StopAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            await StopInAsync(_runFolder);
            Directory.Delete(_runFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
            or TimeoutException)
        {
            _logger.LogWarning(e, "Could not stop or delete the PgBouncer in {RunFolder}", _runFolder);
        }
    }
}
