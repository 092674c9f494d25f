namespace CleanTemplate.Web.Endpoints;

/// <summary>
/// An endpoint that maps itself: <see cref="EndpointMappings"/> maps every implementation in this assembly under
/// <c>/api</c>, so a use case added with <c>dotnet new clean-usecase</c> is reachable without editing a list.
/// Implementations need a parameterless constructor.
/// </summary>
internal interface IEndpoint
{
    void Map(RouteGroupBuilder api);
}
