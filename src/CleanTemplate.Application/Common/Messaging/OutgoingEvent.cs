namespace CleanTemplate.Application.Common.Messaging;

/// <summary>
/// A domain event as other services see it: written to the outbox in the transaction of the change it describes,
/// and published after that transaction commits.
/// </summary>
/// <param name="Type">
/// <c>context.event</c>, such as <c>articles.published</c>: the part before the dot names the bounded context (the
/// broker's exchange), the whole is the routing key.
/// </param>
/// <param name="Payload">The event's contract, serialised as camelCase JSON: public names, never entities.</param>
/// <param name="Tags">Labels to find events by (an article's tags), stored as a PostgreSQL <c>text[]</c>.</param>
public sealed record OutgoingEvent(string Type, object Payload, IReadOnlyList<string> Tags);
