namespace CleanTemplate.Infrastructure.Messaging;

/// <summary>The <c>Outbox</c> section: how the dispatcher delivers <c>outbox_events</c> to RabbitMQ.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Events claimed and published per round (one transaction holds their row locks meanwhile).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The pause after a round that found less than a full batch.</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>After the nth failed attempt an event waits this long times 2^(n-1), up to the maximum.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    public int MaxRetryDelaySeconds { get; set; } = 300;
}
