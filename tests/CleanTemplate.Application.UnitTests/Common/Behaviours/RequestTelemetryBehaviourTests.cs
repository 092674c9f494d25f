using CleanTemplate.Application.Common;
using CleanTemplate.Application.Common.Behaviours;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Application.UnitTests.Common.Behaviours;

public sealed class RequestTelemetryBehaviourTests
{
    private readonly RecordingLogger _logger = new(LogLevel.Information);

    [Fact]
    public async Task A_fast_request_logs_nothing_when_Debug_is_off()
    {
        var response = await Behaviour(slowAfterMilliseconds: 60_000)
            .Handle(new Ping(), CancellationToken.None, () => Task.FromResult("pong"));

        response.ShouldBe("pong");
        _logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_Debug_on_every_request_logs_its_name_and_caller()
    {
        var logger = new RecordingLogger(LogLevel.Debug);
        var behaviour = new RequestTelemetryBehaviour<Ping, string>(logger, new Caller(42), Threshold(60_000));

        await behaviour.Handle(new Ping(), CancellationToken.None, () => Task.FromResult("pong"));

        logger.Entries.ShouldHaveSingleItem().ShouldBe((LogLevel.Debug, "Handling Ping for user 42"));
    }

    [Fact]
    public async Task A_request_slower_than_the_threshold_is_a_warning()
    {
        await Behaviour(slowAfterMilliseconds: 0).Handle(new Ping(), CancellationToken.None, async () =>
        {
            await Task.Delay(5);
            return "pong";
        });

        var (level, message) = _logger.Entries.ShouldHaveSingleItem();
        level.ShouldBe(LogLevel.Warning);
        message.ShouldStartWith("Slow request Ping took ");
        message.ShouldEndWith(" ms for user 42");
    }

    [Fact]
    public async Task An_unhandled_exception_is_logged_as_an_error_and_propagates()
    {
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() =>
            Behaviour(slowAfterMilliseconds: 60_000)
                .Handle(new Ping(), CancellationToken.None, () => throw new InvalidOperationException("boom")));

        thrown.Message.ShouldBe("boom");
        _logger.Entries.ShouldHaveSingleItem()
            .ShouldBe((LogLevel.Error, "Request Ping failed with an unhandled exception"));
    }

    [Fact]
    public async Task A_cancelled_request_is_not_an_error()
    {
        await Should.ThrowAsync<OperationCanceledException>(() =>
            Behaviour(slowAfterMilliseconds: 60_000)
                .Handle(new Ping(), CancellationToken.None, () => throw new OperationCanceledException()));

        _logger.Entries.ShouldBeEmpty();
    }

    private RequestTelemetryBehaviour<Ping, string> Behaviour(int slowAfterMilliseconds) =>
        new(_logger, new Caller(42), Threshold(slowAfterMilliseconds));

    private static IOptions<ApplicationOptions> Threshold(int milliseconds) =>
        Options.Create(new ApplicationOptions { SlowRequestThresholdMilliseconds = milliseconds });

    public sealed record Ping;

    private sealed record Caller(int? Id) : ICurrentUser;

    private sealed class RecordingLogger(LogLevel minimum) : ILogger<Ping>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
