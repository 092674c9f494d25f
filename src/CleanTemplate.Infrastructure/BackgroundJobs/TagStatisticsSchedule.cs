using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.BackgroundJobs;

/// <summary>
/// Runs <see cref="TagStatisticsJob"/> once every <see cref="TagStatisticsOptions.IntervalSeconds"/> across all
/// instances of the app: each instance wakes at the start of every slot of the interval, and the first to claim the
/// slot runs it (<see cref="TagStatisticsJob.RunOncePerSlotAsync"/>).
/// </summary>
internal sealed class TagStatisticsSchedule(
    TagStatisticsJob job,
    IOptions<TagStatisticsOptions> options,
    TimeProvider clock,
    ILogger<TagStatisticsSchedule> logger)
    : BackgroundService
{
    // After the slot's start by the app's clock, so that a clock a little ahead of the database's is still in the slot.
    private static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0)
            return;

        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNextSlot(clock.GetUtcNow(), interval) + ClockSkewAllowance, clock, stoppingToken);
            try
            {
                await job.RunOncePerSlotAsync(interval, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One failed run must not stop the schedule; the next slot tries again.
                logger.LogError(exception, "Recomputing tag statistics failed");
            }
        }
    }

    internal static TimeSpan UntilNextSlot(DateTimeOffset now, TimeSpan interval) =>
        interval - TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks % interval.Ticks);
}
