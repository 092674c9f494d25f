using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.TestSupport.Tests.Postgres;

/// <summary>
/// The whole harness (template database, clones) through Testcontainers; skipped, saying why, without Docker.
/// </summary>
public sealed class TestcontainersServerTests
{
    [SkippableFact]
    public async Task The_harness_runs_on_a_testcontainers_server_where_a_docker_engine_answers()
    {
        var provider = new TestcontainersPostgresServerProvider();
        var availability = await provider.CheckAsync(CancellationToken.None);
        Skip.IfNot(availability.IsAvailable, $"Testcontainers needs a Docker engine: {availability.Reason}.");

        var server = await PostgresTestServer.StartAsync([provider], CancellationToken.None);
        await using var database = await server.CreateDatabaseAsync();
        await using var connection = await database.OpenConnectionAsync();

        (await ScalarAsync(connection, "SHOW server_version_num")).ShouldStartWith("15");
        (await ScalarAsync(connection, "SHOW fsync")).ShouldBe("off");
        (await ScalarAsync(connection, """SELECT count(*) FROM "__EFMigrationsHistory" """)).ShouldNotBe("0");
        server.Server.Description.ShouldStartWith("Testcontainers");
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
