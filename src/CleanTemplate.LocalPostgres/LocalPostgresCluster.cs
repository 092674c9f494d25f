using System.Globalization;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CleanTemplate.LocalPostgres;

/// <summary>
/// A PostgreSQL server run from the local server binaries: throwaway for tests, or kept in a folder across restarts for
/// the Development host. It listens on 127.0.0.1 only and trusts every local connection as <see cref="AdminUser"/>.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser that initdb creates; every local connection is trusted as it.</summary>
    public const string AdminUser = "postgres";

    private readonly LocalPostgresOptions options;
    private readonly ServerControl server;
    private readonly string? runFolder;
    private readonly ILogger logger;
    private readonly Lazy<Task> disposal;

    private LocalPostgresCluster(
        LocalPostgresOptions options,
        string dataDirectory,
        ServerControl server,
        string? runFolder,
        ILogger logger)
    {
        this.options = options;
        DataDirectory = dataDirectory;
        this.server = server;
        this.runFolder = runFolder;
        this.logger = logger;
        // Task.Run keeps the blocking wait in the exit handler clear of any synchronization context.
        disposal = new Lazy<Task>(() => Task.Run(DisposeCoreAsync));
        if (runFolder is not null)
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// Where ephemeral clusters live: <c>/dev/shm/cleantemplate-pg</c> when that RAM-backed folder has room (file
    /// creation dominates start-up and CREATE DATABASE), else <c>cleantemplate-pg</c> in the temp folder. Setting
    /// TMPDIR picks the latter.
    /// </summary>
    public static string EphemeralRoot => EphemeralRuns.Root;

    /// <summary>The loopback port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The cluster folder (PGDATA), as a full path.</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// True when the data folder is RAM-backed (see <see cref="EphemeralRoot"/>): file copies and checkpoints are then
    /// cheap.
    /// </summary>
    public bool DataInMemory => DataDirectory.StartsWith("/dev/shm/", StringComparison.Ordinal);

    /// <summary>Whether initdb, pg_ctl and postgres were found on PATH or under /usr/lib/postgresql/*/bin.</summary>
    public static bool BinariesAvailable([NotNullWhen(true)] out string? binDirectory)
    {
        binDirectory = PostgresBinaries.Find()?.BinDirectory;
        return binDirectory is not null;
    }

    /// <summary>
    /// Creates the cluster unless the folder holds one already, then starts the server and waits until it accepts
    /// connections. Throws <see cref="LocalPostgresException"/> saying what failed and how to provide a server instead.
    /// </summary>
    public static async Task<LocalPostgresCluster> StartAsync(
        LocalPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, ushort.MaxValue);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "LocalPostgresCluster runs the PostgreSQL server binaries on Linux and macOS only.");
        }

        logger ??= NullLogger.Instance;
        var stopwatch = Stopwatch.StartNew();
        var binaries = PostgresBinaries.Require();
        var account = ServerAccount.Current;
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
        string? runFolder = null;
        if (options.Ephemeral)
        {
            await EphemeralRuns.CleanUpOrphansAsync(binaries, account, logger, cancellationToken);
            runFolder = EphemeralRuns.Claim(dataDirectory);
        }

        var server = new ServerControl(binaries, account, dataDirectory, logger);
        var cluster = new LocalPostgresCluster(options, dataDirectory, server, runFolder, logger);
        try
        {
            await ClusterFolder.PrepareAsync(binaries, account, server, dataDirectory, logger, cancellationToken);
            cluster.Port = await server.StartAsync(options.Port, options.TunedForTests, cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        logger.LogInformation(
            "PostgreSQL is listening on {Address}:{Port} with data in {DataDirectory} "
                + "(started in {ElapsedMilliseconds} ms)",
            ServerSettings.ListenAddress, cluster.Port, dataDirectory, stopwatch.ElapsedMilliseconds);
        return cluster;
    }

    /// <summary>
    /// A hot standby of this server, streaming from it (<c>pg_basebackup -R</c> into an ephemeral folder, started on
    /// a free port); returns once it accepts read-only connections. This server must keep the default durability
    /// (<see cref="LocalPostgresOptions.TunedForTests"/> off): the tests' tuning writes too little WAL to stream.
    /// </summary>
    public async Task<LocalPostgresCluster> StartStandbyAsync(CancellationToken cancellationToken = default)
    {
        if (options.TunedForTests)
        {
            throw new InvalidOperationException(
                "A standby streams WAL, which a cluster tuned for tests does not write.");
        }

        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("LocalPostgresCluster runs on Linux and macOS only.");

        var binaries = PostgresBinaries.Require();
        var account = ServerAccount.Current;
        var standbyOptions = LocalPostgresOptions.ForTests() with { TunedForTests = false };
        var dataDirectory = standbyOptions.DataDirectory;
        var standbyRun = EphemeralRuns.Claim(dataDirectory);
        var standbyServer = new ServerControl(binaries, account, dataDirectory, logger);
        var standby = new LocalPostgresCluster(standbyOptions, dataDirectory, standbyServer, standbyRun, logger);
        try
        {
            await account.CreatePrivateDirectoryAsync(dataDirectory, cancellationToken);
            var backup = await account.RunAsync(
                binaries.PgBaseBackup,
                [
                    "--host", ServerSettings.ListenAddress,
                    "--port", Port.ToString(CultureInfo.InvariantCulture),
                    "--username", AdminUser,
                    "--pgdata", dataDirectory,
                    "--write-recovery-conf",
                    "--wal-method", "stream",
                    "--checkpoint", "fast",
                ],
                cancellationToken);
            backup.ThrowIfFailed();
            standby.Port = await standbyServer.StartAsync(0, tunedForTests: false, cancellationToken);
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }

        logger.LogInformation(
            "A PostgreSQL standby of port {Primary} is listening on {Address}:{Port}",
            Port, ServerSettings.ListenAddress, standby.Port);
        return standby;
    }

    /// <summary>The server's (postmaster's) process id while it runs; null when it does not.</summary>
    public int? ServerProcessId => server.RunningProcessId();

    /// <summary>
    /// Starts the server again, on the same port and data, after it stopped or died (PostgreSQL recovers from its
    /// write-ahead log first); returns once it accepts connections.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        server.RemoveStaleLockFile();
        await server.StartAsync(Port, options.TunedForTests, cancellationToken);
    }

    /// <summary>The connection string (Npgsql's keywords) of the superuser on <paramref name="database"/>.</summary>
    public string AdminConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = ServerSettings.ListenAddress,
        Port = Port,
        Username = AdminUser,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Stops the server (immediately when ephemeral, cleanly otherwise) and deletes an ephemeral cluster's folder.
    /// Runs once however often it is called, also from the process-exit handler, and never throws.
    /// </summary>
    public ValueTask DisposeAsync() => new(disposal.Value);

    private void OnProcessExit(object? sender, EventArgs e) => disposal.Value.GetAwaiter().GetResult();

    private async Task DisposeCoreAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            // Ephemeral data is about to be deleted, so there is nothing worth a clean shutdown.
            if (!await server.StopAsync(immediate: options.Ephemeral, CancellationToken.None))
                return; // Left for a later run's orphan clean-up: deleting it under a running server strands it.

            if (runFolder is not null)
                Directory.Delete(runFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not stop or delete the PostgreSQL cluster in {DataDirectory}", DataDirectory);
        }
    }
}
