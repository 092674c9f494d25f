using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>Readiness: a round trip through the same pool the app uses.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer SELECT 1.", exception);
        }
    }
}
