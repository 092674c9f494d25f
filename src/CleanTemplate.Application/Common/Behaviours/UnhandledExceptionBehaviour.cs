using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>Outermost behaviour: logs any exception with the request that caused it, then lets it propagate.</summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<TRequest> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Request {RequestName} failed with an unhandled exception", typeof(TRequest).Name);
            throw;
        }
    }
}
