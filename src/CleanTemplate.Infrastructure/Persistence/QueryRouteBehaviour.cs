using CleanTemplate.Application.Common.Messaging;
using MediatR;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Innermost behaviour: a query (<see cref="IQuery{TResult}"/>) reads where its <see cref="IQueryRoute"/> sends it (a
/// standby, or the primary without retries) and runs again on the request's own context if the database fails it
/// there (a query changes nothing, so running it twice is safe); any other request is a command, and the scope reads
/// the request's context from then on.
/// </summary>
internal sealed class QueryRouteBehaviour<TRequest, TResponse>(IQueryRoute route)
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

        if (!route.TryRouteQuery())
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
