using CleanTemplate.Application.Tags;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.BackgroundJobs;

/// <summary>Runs <see cref="ITagStatisticsJob"/> every <see cref="TagStatisticsOptions.IntervalSeconds"/>.</summary>
internal sealed class TagStatisticsSchedule(
    ITagStatisticsJob job,
    IOptions<TagStatisticsOptions> options,
    ILogger<TagStatisticsSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0)
            return;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failed run must not stop the schedule; the next tick tries again.
                logger.LogError(exception, "Recomputing tag statistics failed");
            }
        }
    }
}
