using Microsoft.Extensions.Hosting;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>Checks the standbys every <see cref="ReplicaSet.CheckInterval"/> while the host runs.</summary>
internal sealed class ReplicaMonitor(ReplicaSet replicas, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(replicas.CheckInterval, clock);
        do
        {
            await replicas.CheckAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
