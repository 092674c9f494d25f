using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>The result that carries an article, with its ETag header; its metadata is that result's.</summary>
internal sealed class WithETag<TResult>(uint version, TResult inner) : IResult, IEndpointMetadataProvider
    where TResult : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ETag = ArticleETag.Format(version);
        return inner.ExecuteAsync(httpContext);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        TResult.PopulateMetadata(method, builder);
}
