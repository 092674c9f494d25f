using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.LocalPostgres;

/// <summary>
/// A PostgreSQL server run from the local server binaries: throwaway (tests) or kept in a folder across restarts
/// (the Development host).
/// </summary>
internal sealed class LocalPostgresCluster : IAsyncDisposable
{
    public const string AdminUser = "postgres";

    // Only a port chosen here can be swapped when another process grabs it before the server binds it.
    private const int PortAttempts = 5;

    private readonly LocalPostgresOptions options;
    private readonly ServerControl server;
    private readonly string? runFolder;
    private readonly ILogger logger;
    private readonly Lazy<Task> disposal;

    private LocalPostgresCluster(LocalPostgresOptions options, string dataDirectory, ServerControl server, string? runFolder, ILogger logger)
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

    public static string EphemeralRoot => EphemeralRuns.Root;

    public int Port { get; private set; }

    public string DataDirectory { get; }

    public static bool BinariesAvailable([NotNullWhen(true)] out string? binDirectory)
    {
        binDirectory = PostgresBinaries.Find()?.BinDirectory;
        return binDirectory is not null;
    }

    public static async Task<LocalPostgresCluster> StartAsync(
        LocalPostgresOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, ushort.MaxValue);
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("LocalPostgresCluster needs Linux or macOS; elsewhere set CLEANTEMPLATE_TEST_POSTGRES to a connection string.");

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
            await cluster.PrepareDataDirectoryAsync(binaries, account, cancellationToken);
            await cluster.StartServerAsync(account, cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        logger.LogInformation(
            "PostgreSQL is listening on {Address}:{Port} with data in {DataDirectory} (started in {ElapsedMilliseconds} ms)",
            ServerSettings.ListenAddress, cluster.Port, dataDirectory, stopwatch.ElapsedMilliseconds);
        return cluster;
    }

    /// <summary>Stops and deletes ephemeral clusters whose owning process is gone.</summary>
    public static void CleanUpOrphans()
    {
        if (OperatingSystem.IsWindows() || PostgresBinaries.Find() is not { } binaries)
            return;

        Task.Run(() => EphemeralRuns.CleanUpOrphansAsync(binaries, ServerAccount.Current, NullLogger.Instance, CancellationToken.None))
            .GetAwaiter().GetResult();
    }

    public NpgsqlConnectionStringBuilder AdminConnectionString(string database = "postgres") => new()
    {
        Host = ServerSettings.ListenAddress,
        Port = Port,
        Username = AdminUser,
        Database = database,
    };

    public ValueTask DisposeAsync() => new(disposal.Value);

    [UnsupportedOSPlatform("windows")]
    private async Task PrepareDataDirectoryAsync(PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            // A Development host that was killed leaves its detached server running on the folder.
            if (server.IsRunning())
            {
                logger.LogWarning("Stopping the PostgreSQL server an earlier run left running in {DataDirectory}", DataDirectory);
                if (!await server.StopAsync(immediate: false, cancellationToken))
                    throw new LocalPostgresException($"The PostgreSQL server left running in {DataDirectory} could not be stopped.");
            }

            server.RemoveStaleLockFile();
            return;
        }

        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            throw new LocalPostgresException($"{DataDirectory} holds files but no PostgreSQL cluster (no PG_VERSION); delete it or choose another folder.");

        // Created ahead with default permissions: the provisioning copy would give missing parents the private mode of PGDATA.
        Directory.CreateDirectory(Path.GetDirectoryName(DataDirectory)!);
        await PristineClusterCache.ProvisionAsync(binaries, account, DataDirectory, logger, cancellationToken);
    }

    private async Task StartServerAsync(ServerAccount account, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port == 0 ? LoopbackPort.PickFree() : options.Port;
            ServerSettings.Write(DataDirectory, port, options.TunedForTests);
            var (result, log) = await server.StartAsync(cancellationToken);
            if (result.Succeeded)
            {
                Port = port;
                return;
            }

            if (options.Port == 0 && attempt < PortAttempts && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                logger.LogDebug("Port {Port} was taken before PostgreSQL could bind it; trying another", port);
                continue;
            }

            throw LocalPostgresException.CommandFailed(
                result, string.Join(Environment.NewLine, new[] { "server.log:", log, account.PermissionHint(DataDirectory) }.OfType<string>()));
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => disposal.Value.GetAwaiter().GetResult();

    private async Task DisposeCoreAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            // Ephemeral data is about to be deleted, so there is nothing worth a clean shutdown.
            if (!await server.StopAsync(immediate: options.Ephemeral, CancellationToken.None))
                return; // Left for CleanUpOrphans: deleting the folder under a running server would strand it.

            if (runFolder is not null)
                Directory.Delete(runFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not stop or delete the PostgreSQL cluster in {DataDirectory}", DataDirectory);
        }
    }
}
