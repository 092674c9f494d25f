namespace CleanTemplate.Infrastructure.BackgroundJobs;

/// <summary>Bound from <c>Jobs:TagStatistics</c>.</summary>
public sealed class TagStatisticsOptions
{
    public const string SectionName = "Jobs:TagStatistics";

    /// <summary>Seconds between runs; 0 turns the timer off (the job still runs on demand).</summary>
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>How many partitions of the tags are recomputed in parallel, each with its own DbContext.</summary>
    public int Partitions { get; set; } = 4;
}
