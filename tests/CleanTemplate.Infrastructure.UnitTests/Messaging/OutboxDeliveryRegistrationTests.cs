using CleanTemplate.Infrastructure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CleanTemplate.Infrastructure.UnitTests.InfrastructureComposition;

namespace CleanTemplate.Infrastructure.UnitTests.Messaging;

public sealed class OutboxDeliveryRegistrationTests
{
    [Fact]
    public void Without_a_broker_no_dispatcher_runs_and_events_stay_in_the_table()
    {
        var services = Compose(new Dictionary<string, string?>());

        services.ShouldNotContain(service => service.ImplementationType == typeof(OutboxDispatcher));
        services.ShouldNotContain(service => service.ServiceType == typeof(RabbitMqPublisher));
    }

    [Fact]
    public void With_a_broker_the_dispatcher_runs_as_a_hosted_service()
    {
        var services = Compose(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://app:secret@broker:5672/conduit",
        });

        services.ShouldContain(service =>
            service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(OutboxDispatcher));
        services.ShouldContain(service => service.ServiceType == typeof(RabbitMqPublisher));
    }

    [Theory]
    [InlineData("broker:5672")]
    [InlineData("http://broker:15672")]
    [InlineData("Host=broker")]
    public void A_broker_address_that_is_not_an_amqp_uri_is_refused_at_start_up(string address)
    {
        Should.Throw<InvalidOperationException>(() => Compose(new Dictionary<string, string?>
            {
                ["ConnectionStrings:RabbitMq"] = address,
            }))
            .Message.ShouldContain("ConnectionStrings:RabbitMq must be an AMQP URI");
    }

    [Theory]
    [InlineData("articles.published", "articles")]
    [InlineData("articles.comment-added", "articles")]
    [InlineData("users.registered", "users")]
    public void An_event_goes_to_the_exchange_of_its_bounded_context(string type, string exchange) =>
        RabbitMqPublisher.ExchangeOf(type).ShouldBe(exchange);
}
