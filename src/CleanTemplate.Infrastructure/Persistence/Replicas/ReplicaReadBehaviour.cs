using CleanTemplate.Application.Common.Messaging;
using MediatR;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// Innermost behaviour when standbys take reads: a query (<see cref="IQuery{TResult}"/>) reads a standby when one may
/// serve its caller, and runs again on the primary if the standby fails it (a query changes nothing, so running it
/// twice is safe); any other request is a command, and the scope stays on the primary from then on.
/// </summary>
internal sealed class ReplicaReadBehaviour<TRequest, TResponse>(ReadRoute route)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsQuery = typeof(TRequest).GetInterfaces()
        .Any(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IQuery<>));

    public async Task<TResponse> Handle(
        TRequest request,
        CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        if (!IsQuery)
        {
            route.UsePrimary();
            return await next();
        }

        if (!route.TryUseStandby())
            return await next();
        try
        {
            return await next();
        }
        catch (Exception exception) when (route.FallBackToPrimary(exception))
        {
            return await next();
        }
    }
}
