using Microsoft.Extensions.Primitives;

namespace CleanTemplate.Web.Idempotency;

internal static class StoredResponseHttpExtensions
{
    /// <summary>Tells a client that this answer is the stored one of an earlier request with the same key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static StoredResponse ToStoredResponse(this HttpResponse response, byte[] body)
    {
        var location = response.Headers.Location;
        var stored = StringValues.IsNullOrEmpty(location) ? null : location.ToString();
        return new(response.StatusCode, body, response.ContentType, stored);
    }

    public static async Task ReplayAsync(this HttpResponse response, StoredResponse stored)
    {
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
            response.Headers.Location = stored.Location;
        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, response.HttpContext.RequestAborted);
    }
}
