using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>One cloned database with the migrated schema; dropped on dispose.</summary>
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

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => _server.DropDatabaseAsync(Name, CancellationToken.None);
}
