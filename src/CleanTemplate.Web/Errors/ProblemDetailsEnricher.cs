using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CleanTemplate.Web.Errors;

internal static class ProblemDetailsEnricher
{
    /// <summary>Every ProblemDetails carries the request path and a trace id to find it in the logs.</summary>
    public static void Enrich(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        context.ProblemDetails.Extensions.TryAdd(
            "traceId", Activity.Current?.Id ?? context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier);
    }
}
