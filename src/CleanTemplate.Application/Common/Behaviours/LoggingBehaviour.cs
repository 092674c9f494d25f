using CleanTemplate.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>Logs every request with its caller. The request body is not logged: it may carry passwords.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        logger.LogInformation("Handling {RequestName} for user {UserId}", typeof(TRequest).Name, currentUser.Id);
        return next();
    }
}
