using CleanTemplate.LocalPostgres;

namespace CleanTemplate.Web.Development;

/// <summary>Stops the Development cluster (<see cref="DevelopmentDatabase"/>) with the host; its data stays.</summary>
internal sealed class DevelopmentDatabaseLifetime(LocalPostgresCluster cluster, ILoggerFactory loggerFactory)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await cluster.DisposeAsync();
        loggerFactory.Dispose();
    }
}
