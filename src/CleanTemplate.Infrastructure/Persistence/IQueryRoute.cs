namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Where <see cref="Application.Common.Interfaces.IReadDbContext"/> reads, decided per request by
/// <see cref="QueryRouteBehaviour{TRequest,TResponse}"/>: <see cref="PrimaryQueryRoute"/> without standbys,
/// <see cref="Replicas.ReadRoute"/> with them.
/// </summary>
internal interface IQueryRoute
{
    /// <summary>A command runs: it and everything after it in the scope read the request's own context.</summary>
    void UsePrimary();

    /// <summary>Sends the scope's reads elsewhere for a query; false when they stay on the request's context.</summary>
    bool TryRouteQuery();

    /// <summary>
    /// After the query failed where it was sent: true when the database is why, and the request's context then
    /// serves the rest of the scope.
    /// </summary>
    bool FallBackToPrimary(Exception exception);
}
