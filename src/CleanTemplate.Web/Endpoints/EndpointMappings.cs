using CleanTemplate.Web.Endpoints.Users;

namespace CleanTemplate.Web.Endpoints;

internal static class EndpointMappings
{
    public static IEndpointRouteBuilder MapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapUserEndpoints();
        return app;
    }
}
