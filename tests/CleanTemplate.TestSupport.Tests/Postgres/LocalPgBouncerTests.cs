using System.Net.Sockets;
using CleanTemplate.LocalPostgres;
using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Tests.Postgres;

public sealed class LocalPgBouncerTests
{
    [SkippableFact]
    public async Task It_leads_a_connection_to_its_database_on_the_server_and_leaves_nothing_behind()
    {
        Skip.If(LocalPgBouncer.NotInstalled is not null, LocalPgBouncer.NotInstalled);
        await using var database = await PostgresTestDatabase.CreateAsync();
        var bouncer = await LocalPgBouncer.StartAsync(database.ConnectionString);
        var routed = new NpgsqlConnectionStringBuilder(bouncer.Route(database.ConnectionString)) { Pooling = false };

        await using (var connection = new NpgsqlConnection(routed.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(database.Name);
            // Behind PgBouncer, the key Npgsql got at login is not the backend's pid (the migration lock's check).
            await using var backend = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
            ((int)(await backend.ExecuteScalarAsync())!).ShouldNotBe(connection.ProcessID);
        }

        await bouncer.DisposeAsync();

        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", bouncer.Port));
        Directory.GetDirectories(LocalPostgresCluster.EphemeralRoot, $"{Environment.ProcessId}-*-pgbouncer")
            .ShouldBeEmpty();
    }
}
