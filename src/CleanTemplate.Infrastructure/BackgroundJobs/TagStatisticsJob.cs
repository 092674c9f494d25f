using CleanTemplate.Application.Tags;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.BackgroundJobs;

/// <summary>
/// A unit of work per task: the tags are split into partitions recomputed in parallel, and every task creates its own
/// DbContext from the factory. A DbContext is not thread-safe, so sharing one across the tasks would corrupt it;
/// a singleton job cannot take the request-scoped one either, which would outlive nothing and serve no request.
/// </summary>
internal sealed class TagStatisticsJob(
    IDbContextFactory<ApplicationDbContext> contexts,
    IOptions<TagStatisticsOptions> options,
    ILogger<TagStatisticsJob> logger)
    : ITagStatisticsJob
{
    private const string FleetLock = "tag-statistics";

    /// <summary>
    /// Runs the job unless an instance of the app ran it in this slot of <paramref name="interval"/> (slots counted
    /// from the Unix epoch, by the database's clock); false when it did not run. Instances that tick at once meet at
    /// a transaction-scoped advisory lock, held until the run has committed, so the next one finds it done.
    /// </summary>
    public async Task<bool> RunOncePerSlotAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var coordinator = await contexts.CreateDbContextAsync(cancellationToken);
        return await coordinator.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                // Rolled back at the end: it writes nothing, and ending it releases the lock.
                await using var transaction = await coordinator.Database.BeginTransactionAsync(ct);
                if (!await AdvisoryLock.TryAcquireForTransactionAsync(coordinator, FleetLock, ct)
                    || await RanInThisSlotAsync(coordinator, interval, ct))
                {
                    logger.LogDebug("Tag statistics are being or have been recomputed in this slot by an instance");
                    return false;
                }

                await RunAsync(ct);
                return true;
            },
            cancellationToken);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var partitions = Math.Max(1, options.Value.Partitions);
        var written = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, partitions),
            new ParallelOptions { MaxDegreeOfParallelism = partitions, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                Interlocked.Add(ref written, await RecomputePartitionAsync(db, partition, partitions, ct));
            });

        logger.LogInformation(
            "Recomputed statistics of {TagCount} tags in {Partitions} partitions", written, partitions);
        return written;
    }

    private static Task<bool> RanInThisSlotAsync(
        ApplicationDbContext db,
        TimeSpan interval,
        CancellationToken cancellationToken)
    {
        var seconds = (long)interval.TotalSeconds;
        return db.Database.SqlQuery<bool>(
                $"""
                SELECT coalesce(
                           max(computed_at) >= to_timestamp(floor(extract(epoch FROM now()) / {seconds}) * {seconds}),
                           false) AS "Value"
                FROM tag_statistics
                """)
            .SingleAsync(cancellationToken);
    }

    // One set-based statement per partition. INSERT ... ON CONFLICT DO UPDATE (an upsert) makes each run a full
    // refresh that also covers tags created since the last run, and the whole partition commits atomically.
    private static Task<int> RecomputePartitionAsync(
        ApplicationDbContext db,
        int partition,
        int partitions,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO tag_statistics (tag_id, article_count, computed_at)
            SELECT t.id, count(a.id), now()
            FROM tags t
            LEFT JOIN article_tags l ON l.tag_id = t.id
            LEFT JOIN articles a ON a.id = l.article_id AND a.status = 'Active'
            WHERE t.id % {partitions} = {partition}
            GROUP BY t.id
            ON CONFLICT (tag_id) DO UPDATE SET article_count = EXCLUDED.article_count, computed_at = EXCLUDED.computed_at
            """,
            cancellationToken);
}
