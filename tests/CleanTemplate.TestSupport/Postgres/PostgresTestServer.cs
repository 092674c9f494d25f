using System.Diagnostics;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// The process-wide server of a test run: started once, migrated once into a template database, and cloned
/// (<c>CREATE DATABASE ... TEMPLATE</c>) for every test collection so collections run in parallel.
/// </summary>
public sealed class PostgresTestServer
{
    private static readonly Lazy<Task<PostgresTestServer>> Shared =
        new(() => StartAsync(PostgresServerProviders.Default, CancellationToken.None));
    private int _databaseCount;

    private PostgresTestServer(ITestPostgresServer server)
    {
        Server = server;
        RunId = $"test_{Guid.NewGuid():N}"[..17];
    }

    public ITestPostgresServer Server { get; }

    /// <summary>Prefix of every database this run creates, unique per run so runs can share a server.</summary>
    public string RunId { get; }

    public string TemplateDatabase => $"{RunId}_template";

    public HarnessTimings StartupTimings { get; private set; }

    /// <summary>The run's server, started and migrated on first use.</summary>
    public static Task<PostgresTestServer> GetAsync() => Shared.Value;

    public static async Task<PostgresTestServer> StartAsync(
        IReadOnlyList<IPostgresServerProvider> providers,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var script = Task.Run(MigrationScript.Generate, cancellationToken);
        var server = await PostgresServerProviders.StartFirstAvailableAsync(providers, cancellationToken);
        return await PrepareAsync(server, script, clock, cancellationToken);
    }

    /// <summary>
    /// A server started elsewhere (one a test may crash), migrated into a template database like the run's.
    /// </summary>
    public static Task<PostgresTestServer> StartOnAsync(ITestPostgresServer server, CancellationToken cancellationToken)
    {
        var script = Task.Run(MigrationScript.Generate, cancellationToken);
        return PrepareAsync(server, script, Stopwatch.StartNew(), cancellationToken);
    }

    private static async Task<PostgresTestServer> PrepareAsync(
        ITestPostgresServer server, Task<string> script, Stopwatch clock, CancellationToken cancellationToken)
    {
        var serverReady = clock.Elapsed;

        var started = new PostgresTestServer(server);
        await started.CreateTemplateAsync(await script, cancellationToken);
        started.StartupTimings = new HarnessTimings(serverReady, clock.Elapsed - serverReady, clock.Elapsed);

        // xunit 2 has no assembly-level teardown; process exit is the one moment every test is done.
        AppDomain.CurrentDomain.ProcessExit +=
            (_, _) => started.ShutdownAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return started;
    }

    /// <summary>Drops the run's template (it matters on a shared server) and releases the server.</summary>
    private async ValueTask ShutdownAsync()
    {
        try
        {
            await DropDatabaseAsync(TemplateDatabase, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A throwaway cluster may already be gone: nothing is left to drop.
        }

        await Server.DisposeAsync();
    }

    /// <summary>A fresh database with the migrated schema, for one test collection.</summary>
    public Task<PostgresTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CloneAsync(TemplateDatabase, string.Empty, cancellationToken);

    /// <summary>
    /// A fresh database with nothing in it (not even the migration history), for tests of migrating itself. Copied from
    /// <c>template0</c>, which no one can have added objects to, unlike <c>template1</c> on a shared server.
    /// </summary>
    public Task<PostgresTestDatabase> CreateEmptyDatabaseAsync(CancellationToken cancellationToken = default) =>
        CloneAsync("template0", "_empty", cancellationToken);

    private async Task<PostgresTestDatabase> CloneAsync(
        string template,
        string suffix,
        CancellationToken cancellationToken)
    {
        var name = $"{RunId}_{Interlocked.Increment(ref _databaseCount)}{suffix}";
        var strategy = Server.CloneStrategy is { } chosen ? $" STRATEGY = {chosen}" : string.Empty;
        await ExecuteOnMaintenanceDatabaseAsync(
            $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"{strategy}", cancellationToken);
        return new PostgresTestDatabase(this, name);
    }

    public async ValueTask DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(Server.ConnectionString(name).ConnectionString));
        await ExecuteOnMaintenanceDatabaseAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    private async Task CreateTemplateAsync(string migrationScript, CancellationToken cancellationToken)
    {
        await ExecuteOnMaintenanceDatabaseAsync($"CREATE DATABASE \"{TemplateDatabase}\"", cancellationToken);

        // No pooling: CREATE DATABASE ... TEMPLATE refuses while any session, idle in a pool or not, is connected.
        var connectionString = Server.ConnectionString(TemplateDatabase);
        connectionString.Pooling = false;
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(migrationScript, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Database names are generated above from a GUID, never from input, so quoting them as identifiers is safe;
    // CREATE/DROP DATABASE cannot take bind parameters. Connections to the maintenance database are pooled: only
    // sessions on the template itself would block a clone.
    private async Task ExecuteOnMaintenanceDatabaseAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres").ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
