using Npgsql;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// A server named by the <c>TEST_POSTGRES_CONNECTION</c> environment variable (a connection string for a role that
/// may create databases), used as is: the run creates its own databases on it and drops them at the end.
/// </summary>
public sealed class EnvironmentPostgresServerProvider : IPostgresServerProvider
{
    public const string VariableName = "TEST_POSTGRES_CONNECTION";

    public string Name => "environment";

    public Task<ProviderAvailability> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(VariableName))
            ? ProviderAvailability.Unavailable($"{VariableName} is not set")
            : ProviderAvailability.Available);

    public Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(VariableName));
        return Task.FromResult<ITestPostgresServer>(new ExternalServer(builder));
    }

    private sealed class ExternalServer(NpgsqlConnectionStringBuilder configured) : ITestPostgresServer
    {
        public string Description => $"{VariableName} ({configured.Host}:{configured.Port})";

        public string? CloneStrategy => null;

        public NpgsqlConnectionStringBuilder ConnectionString(string database) =>
            new(configured.ConnectionString) { Database = database };

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
