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
        return app;
    }
}
