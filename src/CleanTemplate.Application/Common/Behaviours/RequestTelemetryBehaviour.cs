using System.Diagnostics;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Results;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: a span named after the use case (<see cref="RequestTelemetry.Source"/>, tagged with its
/// result kind), a Debug line with the caller, a warning past
/// <see cref="ApplicationOptions.SlowRequestThresholdMilliseconds"/>, an error when the use case throws. Never the
/// request, which may carry passwords. One behaviour for all of it: each costs every request a resolution and an
/// async frame. Without a listener (no OpenTelemetry tracer subscribed) the span costs one check, and sampled out
/// (nothing exports) it gets no tags.
/// </summary>
public sealed class RequestTelemetryBehaviour<TRequest, TResponse>(
    ILogger<TRequest> logger,
    ICurrentUser currentUser,
    IOptions<ApplicationOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request,
        CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var name = typeof(TRequest).Name;
        if (logger.IsEnabled(LogLevel.Debug))
            RequestLog.Handling(logger, name, currentUser.Id);

        using var activity = RequestTelemetry.Source.StartActivity(UseCase<TRequest>.Name);
        // Sampled out (nothing exports), the span only carries its trace id: tags on it would be allocated for no one.
        var span = activity is { IsAllDataRequested: true } ? activity : null;
        span?.SetTag(RequestTelemetry.UseCaseTag, UseCase<TRequest>.Name);
        var started = Stopwatch.GetTimestamp();
        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            span?.SetTag(RequestTelemetry.ResultTag, "exception");
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            RequestLog.Failed(logger, exception, name);
            throw;
        }

        if (span is not null)
        {
            var error = (response as IOutcome)?.Error;
            span.SetTag(RequestTelemetry.ResultTag, error is null ? "success" : RequestTelemetry.KindOf(error.Kind));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds > options.Value.SlowRequestThresholdMilliseconds)
            RequestLog.Slow(logger, name, elapsed.TotalMilliseconds, currentUser.Id);
        return response;
    }
}

/// <summary>The use case's name, once per request type: <c>CreateArticle</c> for <c>CreateArticleCommand</c>.</summary>
internal static class UseCase<TRequest>
{
    public static readonly string Name = RequestTelemetry.UseCaseName(typeof(TRequest));
}

/// <summary>The behaviour's log lines, source-generated: no boxing or formatting unless the level is on.</summary>
internal static partial class RequestLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Handling {RequestName} for user {UserId}")]
    public static partial void Handling(ILogger logger, string requestName, int? userId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Slow request {RequestName} took {ElapsedMilliseconds:F0} ms for user {UserId}")]
    public static partial void Slow(ILogger logger, string requestName, double elapsedMilliseconds, int? userId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestName} failed with an unhandled exception")]
    public static partial void Failed(ILogger logger, Exception exception, string requestName);
}
