using System.Text;
using RabbitMQ.Client;

namespace CleanTemplate.TestSupport.Messaging;

/// <summary>A message as a consumer received it.</summary>
public sealed record ReceivedMessage(
    string Exchange, string RoutingKey, string? MessageId, string? Type, bool Persistent, string? ContentType,
    string Body, string? TraceParent);

/// <summary>
/// A consumer's durable queue, bound to every routing key of the given exchanges as a consumer service would bind
/// it, read by polling (<c>basic.get</c>) so a test takes exactly what arrived.
/// </summary>
public sealed class TestConsumer : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private IConnection? _connection;
    private IChannel? _channel;

    private TestConsumer(ConnectionFactory factory, string name)
    {
        _factory = factory;
        Name = name;
    }

    public string Name { get; }

    public static async Task<TestConsumer> BindAsync(string connectionString, params string[] exchanges)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString), AutomaticRecoveryEnabled = false };
        var consumer = new TestConsumer(factory, $"test-{Guid.NewGuid():N}");
        var channel = await consumer.ChannelAsync();
        await channel.QueueDeclareAsync(consumer.Name, durable: true, exclusive: false, autoDelete: false);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            await channel.QueueBindAsync(consumer.Name, exchange, "#");
        }

        return consumer;
    }

    /// <summary>What waits in the queue now, oldest first, taken off it; reconnects after a broker restart.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> TakeAllAsync()
    {
        var channel = await ChannelAsync();
        var taken = new List<ReceivedMessage>();
        while (await channel.BasicGetAsync(Name, autoAck: true) is { } message)
        {
            taken.Add(new ReceivedMessage(
                message.Exchange, message.RoutingKey, message.BasicProperties.MessageId,
                message.BasicProperties.Type, message.BasicProperties.Persistent,
                message.BasicProperties.ContentType, Encoding.UTF8.GetString(message.Body.Span),
                Header(message.BasicProperties, "traceparent")));
        }

        return taken;
    }

    // AMQP carries string headers as bytes.
    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await (await ChannelAsync()).QueueDeleteAsync(Name);
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            // The broker is gone, and the queue with its data.
        }

        await CloseAsync();
    }

    private async Task<IChannel> ChannelAsync()
    {
        if (_channel is { IsOpen: true })
            return _channel;
        await CloseAsync();
        _connection = await _factory.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        return _channel;
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_channel is not null)
                await _channel.DisposeAsync();
            if (_connection is not null)
                await _connection.DisposeAsync();
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
        }

        (_channel, _connection) = (null, null);
    }
}
