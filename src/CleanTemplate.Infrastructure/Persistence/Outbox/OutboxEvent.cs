namespace CleanTemplate.Infrastructure.Persistence.Outbox;

/// <summary>
/// A row of <c>outbox_events</c>: an event other services get, written in the transaction of the change it
/// describes (<see cref="OutboxWriter"/>) and marked published once the broker has it. Not a domain entity.
/// </summary>
internal sealed class OutboxEvent
{
    /// <summary>UUID version 7: unique, and in the order the events were written.</summary>
    public Guid Id { get; init; }

    /// <summary><c>context.event</c>, such as <c>articles.published</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The event's JSON, as <c>jsonb</c>: found by containment (<c>@&gt;</c>) on its GIN index.</summary>
    public required string Payload { get; init; }

    /// <summary>A <c>text[]</c>, found by overlap (<c>&amp;&amp;</c>) through its GIN index.</summary>
    public required string[] Tags { get; init; }

    /// <summary>When the transaction that wrote the event began (<c>now()</c>).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Not to be published before then: a failed attempt moves it later.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>When the broker confirmed it; null while it is still to publish.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the request that wrote the event, so its publish span joins that trace; null
    /// when nothing was traced.
    /// </summary>
    public string? TraceParent { get; init; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
