using System.Diagnostics;
using System.Text;
using CleanTemplate.Infrastructure.Persistence.Outbox;
using RabbitMQ.Client;

namespace CleanTemplate.Infrastructure.Messaging;

/// <summary>
/// Publishes outbox events to RabbitMQ on one connection and one channel with publisher confirms: a publish returns
/// only once the broker has the message (and throws when it refuses it). An exchange per bounded context (the type's
/// part before the dot, a durable topic exchange), the type as routing key, the event id as message id, persistent
/// messages. Used by one dispatcher loop at a time; after a failure the next publish connects afresh.
/// </summary>
internal sealed class RabbitMqPublisher(ConnectionFactory factory) : IAsyncDisposable
{
    private readonly HashSet<string> _declared = [];
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>The exchange of an event type: <c>articles</c> for <c>articles.published</c>.</summary>
    public static string ExchangeOf(string type) => type.Split('.', 2)[0];

    public async Task PublishAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(cancellationToken);
        var exchange = ExchangeOf(outboxEvent.Type);
        if (!_declared.Contains(exchange))
        {
            await channel.ExchangeDeclareAsync(
                exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            _declared.Add(exchange);
        }

        var properties = new BasicProperties
        {
            MessageId = outboxEvent.Id.ToString(),
            Type = outboxEvent.Type,
            ContentType = "application/json",
            Persistent = true,
            Timestamp = new AmqpTimestamp(outboxEvent.OccurredAt.ToUnixTimeSeconds()),
            Headers = new Dictionary<string, object?>(),
        };
        // A producer span in the trace of the request that wrote the event, and its context in the message's
        // headers (traceparent, tracestate), so a consumer's spans join the same trace.
        ActivityContext.TryParse(outboxEvent.TraceParent, null, out var writer);
        using var span = InfrastructureTelemetry.Source.StartActivity(
            $"{exchange} publish", ActivityKind.Producer, writer);
        span?.SetTag("messaging.system", "rabbitmq");
        span?.SetTag("messaging.operation.type", "publish");
        span?.SetTag("messaging.destination.name", exchange);
        span?.SetTag("messaging.rabbitmq.destination.routing_key", outboxEvent.Type);
        span?.SetTag("messaging.message.id", properties.MessageId);
        DistributedContextPropagator.Current.Inject(span, properties.Headers, static (carrier, name, value) =>
            ((IDictionary<string, object?>)carrier!)[name] = value);
        await channel.BasicPublishAsync(
            exchange, outboxEvent.Type, mandatory: false, properties, Encoding.UTF8.GetBytes(outboxEvent.Payload),
            cancellationToken);
    }

    /// <summary>Drops the connection, so the next publish opens a new one.</summary>
    public async Task ResetAsync()
    {
        _declared.Clear();
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null)
                await channel.DisposeAsync();
            if (connection is not null)
                await connection.DisposeAsync();
        }
        catch (Exception e) when (e is IOException or RabbitMQ.Client.Exceptions.RabbitMQClientException
            or ObjectDisposedException)
        {
            // A connection the broker already dropped.
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
            return _channel;
        await ResetAsync();
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        return _channel;
    }
}
