using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace CleanTemplate.Web.Requests;

/// <summary>
/// A JSON body is UTF-8 (RFC 8259 section 8.1). Any other charset answers 415 here, before the endpoint's JSON reader
/// would throw on a charset it cannot decode (<c>charset=bogus</c> was a 500).
/// </summary>
internal sealed class JsonCharsetMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var acceptsBody = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
        if (!acceptsBody || IsUtf8OrUnstated(context.Request.ContentType))
            return next(context);

        return TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported Media Type",
            detail: "Send the body as application/json in UTF-8 (charset=utf-8, or no charset).").ExecuteAsync(context);
    }

    private static bool IsUtf8OrUnstated(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
            return true;
        return HeaderUtilities.RemoveQuotes(mediaType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
