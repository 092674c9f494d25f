using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>One test database, cloned with the migrated schema (or empty, see <see cref="CreateEmptyAsync"/>); dropped on dispose.</summary>
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

    /// <summary>Runs SQL written by the test itself (arranging a schema change, applying a script); never pass it input.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DropDatabaseAsync(Name, CancellationToken.None);
}
