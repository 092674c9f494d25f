using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.Messaging;

/// <summary>
/// Delivers <c>outbox_events</c> to RabbitMQ, at least once. Each round claims the oldest pending events with
/// <c>FOR UPDATE SKIP LOCKED</c> (so the dispatchers of several instances share the work instead of repeating it),
/// publishes them with confirms, and marks them published in the same transaction, only after the broker confirmed.
/// A failure records the attempt and the error on the rows and moves them later (exponential back-off); nothing is
/// lost when the broker is down, the events wait. A dispatcher that dies between a publish and its commit leaves the
/// event pending, so it is published again: consumers drop the duplicate by its message id (the event id).
/// </summary>
internal sealed partial class OutboxDispatcher(
    IDbContextFactory<ApplicationDbContext> contexts,
    RabbitMqPublisher publisher,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int MaxErrorLength = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DispatchAsync(stoppingToken) == settings.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database itself failed (the broker's failures are recorded on the rows): try the next round.
                LogRoundFailed(e);
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), clock,
                        stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims, publishes and marks up to a batch; returns how many events it published.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.OutboxEvents
                .FromSql($"""
                    SELECT * FROM outbox_events
                    WHERE published_at IS NULL AND available_at <= now()
                    ORDER BY available_at
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);

            var published = 0;
            foreach (var outboxEvent in batch)
            {
                try
                {
                    await publisher.PublishAsync(outboxEvent, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await publisher.ResetAsync();
                    var failed = batch.Skip(published).ToList();
                    foreach (var waiting in failed)
                        RecordFailure(waiting, e, settings);
                    LogPublishFailed(e, failed.Count);
                    break;
                }

                outboxEvent.PublishedAt = clock.GetUtcNow();
                published++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return published;
        }, cancellationToken);
    }

    private void RecordFailure(OutboxEvent outboxEvent, Exception error, OutboxOptions settings)
    {
        outboxEvent.Attempts++;
        var message = $"{error.GetType().Name}: {error.Message}";
        outboxEvent.LastError = message.Length <= MaxErrorLength ? message : message[..MaxErrorLength];
        var delay = TimeSpan.FromMilliseconds(
            settings.RetryDelayMilliseconds * Math.Pow(2, Math.Min(outboxEvent.Attempts - 1, 30)));
        var ceiling = TimeSpan.FromSeconds(settings.MaxRetryDelaySeconds);
        outboxEvent.AvailableAt = clock.GetUtcNow() + (delay < ceiling ? delay : ceiling);
    }

    [LoggerMessage(
        Level = LogLevel.Warning, Message = "Publishing to RabbitMQ failed; {Count} event(s) wait for a later attempt")]
    private partial void LogPublishFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox round failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
