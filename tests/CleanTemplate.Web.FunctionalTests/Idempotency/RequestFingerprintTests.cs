using System.Text;
using CleanTemplate.Web.Idempotency;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class RequestFingerprintTests
{
    [Fact]
    public async Task The_same_request_has_the_same_sha256_fingerprint()
    {
        var first = await FingerprintAsync("POST", "/api/articles", "{\"article\":{}}");
        var second = await FingerprintAsync("POST", "/api/articles", "{\"article\":{}}");

        first.Length.ShouldBe(32);
        second.ShouldBe(first);
    }

    [Theory]
    [InlineData("PUT", "/api/articles", "{}")]
    [InlineData("POST", "/api/users", "{}")]
    [InlineData("POST", "/api/articles?draft=1", "{}")]
    [InlineData("POST", "/api/articles", "{ }")]
    public async Task A_different_method_path_query_or_body_changes_the_fingerprint(
        string method, string pathAndQuery, string body) =>
        (await FingerprintAsync(method, pathAndQuery, body))
            .ShouldNotBe(await FingerprintAsync("POST", "/api/articles", "{}"));

    [Fact]
    public async Task Moving_bytes_from_the_path_into_the_body_changes_the_fingerprint() =>
        (await FingerprintAsync("POST", "/api/a", "bc")).ShouldNotBe(await FingerprintAsync("POST", "/api/ab", "c"));

    [Fact]
    public async Task A_body_larger_than_one_read_chunk_is_hashed_whole()
    {
        var large = new string('x', 100_000);

        (await FingerprintAsync("POST", "/api/articles", large + "y"))
            .ShouldNotBe(await FingerprintAsync("POST", "/api/articles", large + "z"));
    }

    private static async Task<byte[]> FingerprintAsync(string method, string pathAndQuery, string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await RequestFingerprint.ComputeAsync(method, pathAndQuery, stream, CancellationToken.None);
    }
}
