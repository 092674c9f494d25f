using System.Globalization;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// One test database, cloned with the migrated schema (or empty: <see cref="CreateEmptyAsync"/>); dropped on dispose.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly PostgresTestServer _server;

    internal PostgresTestDatabase(PostgresTestServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.Server.ConnectionString(name).ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken = default) =>
        await (await PostgresTestServer.GetAsync()).CreateDatabaseAsync(cancellationToken);

    /// <summary>A database with no schema at all, for tests that migrate it themselves.</summary>
    public static async Task<PostgresTestDatabase> CreateEmptyAsync(CancellationToken cancellationToken = default) =>
        await (await PostgresTestServer.GetAsync()).CreateEmptyDatabaseAsync(cancellationToken);

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A context on this database composed as the app composes it (naming, history table), without retries.
    /// </summary>
    public ApplicationDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(ConnectionString, new DatabaseOptions { MaxRetryCount = 0 });
        return new ApplicationDbContext(options.Options);
    }

    /// <summary>
    /// Runs SQL written by the test itself (arranging a schema change, applying a script); never pass it input.
    /// </summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Reads one value, e.g. to check what a request or handler left behind. Values are parameters.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull
            ? default
            : (T)Convert.ChangeType(result, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Returns once a session on this database is blocked waiting for a lock (a row lock, an advisory lock...):
    /// a test observes the wait in pg_stat_activity instead of guessing it from elapsed time.
    /// </summary>
    public async Task WaitUntilASessionWaitsForALockAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var waiting = await ScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event_type = 'Lock'");
            if (waiting == 1)
                return;
            await Task.Delay(25);
        }

        throw new TimeoutException("No session ever waited for a lock.");
    }

    public ValueTask DisposeAsync() => _server.DropDatabaseAsync(Name, CancellationToken.None);
}
