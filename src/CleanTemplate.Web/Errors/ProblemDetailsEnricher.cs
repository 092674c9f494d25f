using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace CleanTemplate.Web.Errors;

internal static class ProblemDetailsEnricher
{
    /// <summary>Every ProblemDetails carries the request path and a trace id to find it in the logs.</summary>
    public static void Enrich(ProblemDetailsContext context)
    {
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        var http = context.HttpContext;
        context.ProblemDetails.Extensions.TryAdd(
            "traceId",
            Activity.Current?.Id ?? http.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? http.TraceIdentifier);
    }
}
