using System.Net.Http.Json;
using CleanTemplate.Web.Idempotency;

namespace CleanTemplate.Web.FunctionalTests.Support;

internal static class IdempotentRequests
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON with an <c>Idempotency-Key</c> header, sent as is (no validation).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithKeyAsync(
        this HttpClient client,
        string path,
        object body,
        string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);
        return await client.SendAsync(request);
    }

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(ReplayedHeader, out var values) && values.SequenceEqual(["true"]);

    /// <summary>The answer the store keeps for <paramref name="key"/>, decoded as a replay would.</summary>
    public static async Task<StoredResponse> StoredAnswerAsync(this WebApiFactory factory, string key)
    {
        const string sql = "SELECT answer FROM idempotency_keys WHERE key = @key";
        var answer = await factory.ScalarAsync<byte[]>(sql, ("key", key));
        return StoredResponse.Decode(answer.ShouldNotBeNull());
    }
}
