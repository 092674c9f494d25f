using System.Net;
using System.Text.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class IdempotencyKeyDocumentationTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_openapi_document_offers_the_header_on_posts_only()
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");

        var paths = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("paths");
        HeaderParameters(paths, "/api/users", "post").ShouldContain("Idempotency-Key");
        HeaderParameters(paths, "/api/user", "get").ShouldNotContain("Idempotency-Key");
        HeaderParameters(paths, "/api/user", "put").ShouldNotContain("Idempotency-Key");
        //#if (conduit)
        HeaderParameters(paths, "/api/articles", "post").ShouldContain("Idempotency-Key");
        HeaderParameters(paths, "/api/articles", "get").ShouldNotContain("Idempotency-Key");
        //#endif
    }

    private static List<string?> HeaderParameters(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(parameter => parameter.GetProperty("in").GetString() == "header")
                .Select(parameter => parameter.GetProperty("name").GetString())
                .ToList()
            : [];
}
