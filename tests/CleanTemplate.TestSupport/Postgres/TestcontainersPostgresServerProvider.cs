using Npgsql;
using Testcontainers.PostgreSql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A PostgreSQL container from Testcontainers, for machines with a Docker engine (laptops, hosted CI runners): the
/// pinned image, its data folder in memory and the local cluster's test tuning, one container for the whole run.
/// Testcontainers' resource reaper removes it if the run is killed.
/// </summary>
public sealed class TestcontainersPostgresServerProvider : IPostgresServerProvider
{
    /// <summary>The same major version as the local-binaries path; <c>TEST_POSTGRES_IMAGE</c> overrides it.</summary>
    public const string DefaultImage = "postgres:15.18";

    public const string ImageVariableName = "TEST_POSTGRES_IMAGE";

    public string Name => "testcontainers";

    public static string Image =>
        Environment.GetEnvironmentVariable(ImageVariableName) is { Length: > 0 } image ? image : DefaultImage;

    public Task<ProviderAvailability> CheckAsync(CancellationToken cancellationToken)
    {
        var endpoint = DockerEngineProbe.ResolveEndpoint(
            Environment.GetEnvironmentVariable("DOCKER_HOST"), DockerEngineProbe.UsualSockets());
        return DockerEngineProbe.Default.CheckAsync(endpoint, cancellationToken);
    }

    public async Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var container = new PostgreSqlBuilder(Image)
            .WithTmpfsMount("/var/lib/postgresql/data")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
            .Build();
        await container.StartAsync(cancellationToken);
        return new ContainerServer(container);
    }

    private sealed class ContainerServer(PostgreSqlContainer container) : ITestPostgresServer
    {
        private readonly string _connectionString = container.GetConnectionString();

        public string Description =>
            $"Testcontainers ({Image}, {container.Hostname}:{container.GetMappedPublicPort(5432)})";

        public string? CloneStrategy => null;

        public NpgsqlConnectionStringBuilder ConnectionString(string database) =>
            new(_connectionString) { Database = database };

        public ValueTask DisposeAsync() => container.DisposeAsync();
    }
}
