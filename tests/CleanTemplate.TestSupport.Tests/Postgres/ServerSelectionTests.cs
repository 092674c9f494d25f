using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.TestSupport.Tests.Postgres;

public sealed class ServerSelectionTests
{
    private static readonly FakeProvider Environment = new("environment");
    private static readonly FakeProvider Containers = new("testcontainers");
    private static readonly FakeProvider Local = new("local");

    [Fact]
    public async Task The_connection_variable_comes_first()
    {
        var chosen = await ChooseAsync(null, Environment.Answering(), Containers.Answering(), Local.Answering());

        chosen.Name.ShouldBe("environment");
    }

    [Fact]
    public async Task Testcontainers_serves_when_a_docker_engine_answers()
    {
        var chosen = await ChooseAsync(null, Environment.Not("unset"), Containers.Answering(), Local.Answering());

        chosen.Name.ShouldBe("testcontainers");
    }

    [Fact]
    public async Task Local_binaries_serve_when_no_docker_engine_answers()
    {
        var chosen = await ChooseAsync(null, Environment.Not("unset"), Containers.Not("no engine"), Local.Answering());

        chosen.Name.ShouldBe("local");
    }

    [Fact]
    public async Task With_none_available_the_message_names_all_three_ways_and_why_each_failed()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => ChooseAsync(null,
            Environment.Not("TEST_POSTGRES_CONNECTION is not set"), Containers.Not("no Docker engine"),
            Local.Not("no binaries")));

        failure.Message.ShouldContain("environment: TEST_POSTGRES_CONNECTION is not set");
        failure.Message.ShouldContain("testcontainers: no Docker engine");
        failure.Message.ShouldContain("local: no binaries");
        failure.Message.ShouldContain("set TEST_POSTGRES_CONNECTION");
        failure.Message.ShouldContain("Docker engine, for Testcontainers");
        failure.Message.ShouldContain("apt-get install postgresql");
    }

    [Theory]
    [InlineData("local")]
    [InlineData("LOCAL")]
    public async Task A_forced_provider_is_chosen_over_earlier_ones(string forced)
    {
        var chosen = await ChooseAsync(forced, Environment.Answering(), Containers.Answering(), Local.Answering());

        chosen.Name.ShouldBe("local");
    }

    [Fact]
    public async Task Auto_is_the_default_order()
    {
        var chosen = await ChooseAsync("auto", Environment.Not("unset"), Containers.Answering(), Local.Answering());

        chosen.Name.ShouldBe("testcontainers");
    }

    [Fact]
    public async Task A_forced_provider_that_cannot_serve_fails_with_its_reason_instead_of_falling_back()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            ChooseAsync(
                "testcontainers", Environment.Not("unset"), Containers.Not("no engine here"), Local.Answering()));

        failure.Message.ShouldContain("TEST_POSTGRES_PROVIDER=testcontainers");
        failure.Message.ShouldContain("no engine here");
    }

    [Fact]
    public async Task An_unknown_forced_provider_lists_the_known_ones()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            ChooseAsync("podman", Environment.Answering(), Containers.Answering(), Local.Answering()));

        failure.Message.ShouldContain("auto, environment, testcontainers, local");
    }

    [Fact]
    public void The_default_order_is_environment_testcontainers_local()
    {
        PostgresServerProviders.Default.Select(p => p.Name).ShouldBe(["environment", "testcontainers", "local"]);
    }

    private static Task<IPostgresServerProvider> ChooseAsync(
        string? forced, params IPostgresServerProvider[] providers) =>
        PostgresServerProviders.ChooseAsync(providers, forced, CancellationToken.None);

    private sealed record FakeProvider(string Name, ProviderAvailability Availability = default)
        : IPostgresServerProvider
    {
        public FakeProvider Answering() => this with { Availability = ProviderAvailability.Available };

        public FakeProvider Not(string reason) => this with { Availability = ProviderAvailability.Unavailable(reason) };

        public Task<ProviderAvailability> CheckAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Availability);

        public Task<ITestPostgresServer> StartAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException("Selection never starts a server.");
    }
}
