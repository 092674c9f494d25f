using System.Reflection;
//#if (conduit)
using CleanTemplate.Web.Endpoints.Articles;
using CleanTemplate.Web.Endpoints.Comments;
using CleanTemplate.Web.Endpoints.Profiles;
using CleanTemplate.Web.Endpoints.Tags;
//#endif
using CleanTemplate.Web.Endpoints.Users;

namespace CleanTemplate.Web.Endpoints;

internal static class EndpointMappings
{
    public static IEndpointRouteBuilder MapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapUserEndpoints();
        //#if (conduit)
        api.MapProfileEndpoints();
        api.MapArticleEndpoints();
        api.MapCommentEndpoints();
        api.MapTagEndpoints();
        //#endif
        // The features above are listed in the order the API reads; use cases scaffolded later map themselves.
        api.MapEndpointsIn(typeof(EndpointMappings).Assembly);
        return app;
    }

    /// <summary>Maps every <see cref="IEndpoint"/> of <paramref name="assembly"/>, ordered by type name.</summary>
    public static RouteGroupBuilder MapEndpointsIn(this RouteGroupBuilder api, Assembly assembly)
    {
        var endpoints = assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false })
            .Where(type => type.IsAssignableTo(typeof(IEndpoint)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
            ((IEndpoint)Activator.CreateInstance(endpoint)!).Map(api);
        return api;
    }
}
