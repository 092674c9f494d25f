using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanTemplate.TestSupport.Messaging;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.Events;

/// <summary>
/// The outbox delivered to a real RabbitMQ node: every committed event arrives, with its id as message id; a broker
/// that is down makes events wait, never fail a request; two dispatchers share the work; and a dispatcher that dies
/// between publishing and marking publishes again, with the same message id, rather than losing the event.
/// </summary>
public sealed class RabbitMqDeliveryTests(BrokerFactory factory) : IClassFixture<BrokerFactory>, IAsyncLifetime
{
    private TestConsumer? _queue;

    private TestConsumer Queue => _queue!;

    public async Task InitializeAsync()
    {
        if (BrokerFactory.SkipReason is not null)
            return;
        await factory.ResetDatabaseAsync();
        _queue = await TestConsumer.BindAsync(factory.Broker.ConnectionString, "users", "articles");
    }

    public async Task DisposeAsync()
    {
        if (_queue is not null)
            await _queue.DisposeAsync();
        if (BrokerFactory.SkipReason is null)
            factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
    }

    [SkippableFact]
    public async Task Every_committed_event_arrives_once_with_its_id_type_and_payload()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);

        for (var i = 0; i < 3; i++)
            (await RegisterAsync($"user{i}")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = await UntilAllPublishedAsync(3);
        var received = await ReceiveAsync(3);

        received.Count.ShouldBe(3);
        foreach (var message in received)
        {
            var row = stored.Single(row => row.Id.ToString() == message.MessageId);
            message.Exchange.ShouldBe("users");
            message.RoutingKey.ShouldBe(row.Type);
            message.Type.ShouldBe(row.Type);
            message.Persistent.ShouldBeTrue();
            message.ContentType.ShouldBe("application/json");
            JsonDocument.Parse(message.Body).RootElement.GetProperty("username").GetString()
                .ShouldBe(row.Payload.GetProperty("username").GetString());
        }
    }

    [SkippableFact]
    public async Task While_the_broker_is_down_events_wait_the_api_answers_and_all_arrive_when_it_is_back()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);
        (await RegisterAsync("before")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await UntilAllPublishedAsync(1);

        await factory.Broker.StopAsync();
        var duringOutage = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            duringOutage.Add((await RegisterAsync($"during{i}")).StatusCode);
        var waiting = await EventuallyAsync(
            async () => (await OutboxRow.ReadAsync(factory.Database)).Where(row => row.PublishedAt is null).ToList(),
            rows => rows.Count == 3 && rows.All(row => row.Attempts > 0));
        await factory.Broker.StartAgainAsync();
        await UntilAllPublishedAsync(4);
        var received = await ReceiveAsync(4);

        duringOutage.ShouldAllBe(status => status == HttpStatusCode.Created);
        waiting.Count.ShouldBe(3);
        waiting.ShouldAllBe(row => row.Attempts > 0);
        (await LastErrorsAsync()).ShouldAllBe(error => !string.IsNullOrEmpty(error));
        received.Select(message => message.MessageId).Distinct().Count().ShouldBe(4);
    }

    [SkippableFact]
    public async Task Two_dispatchers_at_once_publish_each_event_once()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);
        await using var other = factory.WithWebHostBuilder(_ => { });
        other.CreateClient().Dispose();

        var writers = Enumerable.Range(0, 20).Select(i => RegisterAsync($"writer{i}"));
        (await Task.WhenAll(writers)).ShouldAllBe(response => response.StatusCode == HttpStatusCode.Created);
        var stored = await UntilAllPublishedAsync(20);
        var received = await ReceiveAsync(20);

        received.Count.ShouldBe(20);
        received.Select(message => message.MessageId).ShouldBe(
            stored.Select(row => row.Id.ToString()), ignoreOrder: true);
    }

    [SkippableFact]
    public async Task A_dispatcher_that_dies_before_marking_publishes_again_with_the_same_message_id()
    {
        Skip.If(BrokerFactory.SkipReason is not null, BrokerFactory.SkipReason);

        factory.Marks.Arm();
        (await RegisterAsync("twice")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = (await UntilAllPublishedAsync(1)).ShouldHaveSingleItem();
        var received = await ReceiveAsync(2);

        factory.Marks.Failed.ShouldBe(1);
        received.Count.ShouldBeGreaterThanOrEqualTo(2);
        received.ShouldAllBe(message => message.MessageId == stored.Id.ToString());
        received.Select(message => message.Body).Distinct().ShouldHaveSingleItem();
    }

    private Task<HttpResponseMessage> RegisterAsync(string username) =>
        factory.CreateClient().PostAsJsonAsync(
            "/api/users", new { user = new { username, email = $"{username}@example.com", password = "password1" } });

    private async Task<IReadOnlyList<OutboxRow>> UntilAllPublishedAsync(int count)
    {
        var rows = await EventuallyAsync(
            () => OutboxRow.ReadAsync(factory.Database),
            rows => rows.Count == count && rows.All(row => row.PublishedAt is not null));
        rows.Count.ShouldBe(count);
        rows.ShouldAllBe(row => row.PublishedAt != null, "every event published");
        return rows;
    }

    // What the queue holds once at least `count` messages arrived (confirmed messages are routed by then).
    private async Task<List<ReceivedMessage>> ReceiveAsync(int count)
    {
        var received = new List<ReceivedMessage>();
        await EventuallyAsync(
            async () =>
            {
                received.AddRange(await Queue.TakeAllAsync());
                return received.Count;
            },
            taken => taken >= count);
        received.AddRange(await Queue.TakeAllAsync());
        return received;
    }

    private async Task<List<string?>> LastErrorsAsync()
    {
        await using var connection = await factory.Database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT last_error FROM outbox_events WHERE attempts > 0", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var errors = new List<string?>();
        while (await reader.ReadAsync())
            errors.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        return errors;
    }

    // What the dispatcher does in its own time, retries and back-offs included.
    private static Task<T> EventuallyAsync<T>(Func<Task<T>> observe, Func<T, bool> done) =>
        Eventually.ObserveAsync(observe, done, TimeSpan.FromSeconds(30));
}
