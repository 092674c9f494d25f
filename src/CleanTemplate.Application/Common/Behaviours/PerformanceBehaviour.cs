using System.Diagnostics;
using CleanTemplate.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>Warns about requests slower than <see cref="ApplicationOptions.SlowRequestThresholdMilliseconds"/>.</summary>
public sealed class PerformanceBehaviour<TRequest, TResponse>(
    ILogger<TRequest> logger,
    ICurrentUser currentUser,
    IOptions<ApplicationOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds > options.Value.SlowRequestThresholdMilliseconds)
        {
            logger.LogWarning(
                "Slow request {RequestName} took {ElapsedMilliseconds:F0} ms for user {UserId}",
                typeof(TRequest).Name, elapsed.TotalMilliseconds, currentUser.Id);
        }

        return response;
    }
}
