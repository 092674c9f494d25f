using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.TestSupport.Respawn;
using Npgsql;
using Respawn;

namespace CleanTemplate.Benchmarks.Import;

/// <summary>
/// One way of loading the articles, with its own database and its own connection pool (as the importing role),
/// both kept for all its runs; <see cref="Import"/> returns what it wants printed beside its time.
/// </summary>
internal sealed class ImportPath : IAsyncDisposable
{
    private readonly Respawner _respawner;

    private ImportPath(string name, string target, Func<NpgsqlDataSource, ImportFile, Task<string>> import,
        PostgresTestDatabase database, NpgsqlDataSource dataSource, Respawner respawner)
    {
        (Name, Target, Import) = (name, target, import);
        (Database, DataSource, _respawner) = (database, dataSource, respawner);
    }

    public string Name { get; }

    public string Target { get; }

    public Func<NpgsqlDataSource, ImportFile, Task<string>> Import { get; }

    public PostgresTestDatabase Database { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <param name="connectAs">
    /// The importing role's connection string for the new database; the owner's by default.
    /// </param>
    public static async Task<ImportPath> CreateAsync(PostgresTestServer server, string name, string target,
        Func<NpgsqlDataSource, ImportFile, Task<string>> import,
        Func<PostgresTestDatabase, Task<string>>? connectAs = null)
    {
        var database = await server.CreateDatabaseAsync();
        var connectionString = connectAs is null ? database.ConnectionString : await connectAs(database);
        await using var connection = await database.OpenConnectionAsync();
        var respawner = await TestRespawner.CreateAsync(connection, TestRespawner.Truncating());
        // The runs empty the tables anyway; an autovacuum worker analysing one run's rows would compete with the next.
        await using (var command = new NpgsqlCommand(
            """
            DO $$ DECLARE t regclass; BEGIN
              FOR t IN SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' LOOP
                EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = off)', t);
              END LOOP;
            END $$
            """, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new ImportPath(name, target, import, database, NpgsqlDataSource.Create(connectionString), respawner);
    }

    /// <summary>
    /// Empties every table (TRUNCATE: new, empty files, as in a fresh database), adds the authors back.
    /// </summary>
    public async Task EmptyAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        await _respawner.ResetAsync(connection);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO users (username, email, password_hash, created_at, updated_at, status)
            SELECT 'author' || i, 'author' || i || '@example.com', 'x', now(), now(), 'Active'
            FROM generate_series(1, $1) AS i
            """, connection);
        command.Parameters.AddWithValue(ImportFile.Authors);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
