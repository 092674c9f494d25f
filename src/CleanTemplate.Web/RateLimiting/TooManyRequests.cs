using System.Globalization;
using System.Threading.RateLimiting;

namespace CleanTemplate.Web.RateLimiting;

/// <summary>The answer to a request over its limit: 429, a ProblemDetails, and when it may come again.</summary>
internal static class TooManyRequests
{
    public static IResult Problem(HttpContext context, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: "Try again after the time in Retry-After.");
    }
}
