using System.Net;
using System.Text.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Articles;

public sealed class ArticleOpenApiTests(WebApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/feed")]
    public async Task The_openapi_document_describes_the_keyset_cursor(string path)
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var operation = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("paths").GetProperty(path).GetProperty("get");
        string[] expected = path.EndsWith("feed", StringComparison.Ordinal)
            ? ["limit", "offset", "cursor"]
            : ["tag", "author", "favorited", "limit", "offset", "cursor"];
        operation.GetProperty("parameters").EnumerateArray()
            .Select(parameter => parameter.GetProperty("name").GetString())
            .ShouldBe(expected, ignoreOrder: true);
        foreach (var paging in operation.GetProperty("parameters").EnumerateArray()
                     .Where(parameter => parameter.GetProperty("name").GetString() is "limit" or "offset"))
            paging.GetProperty("schema").GetProperty("type").GetString().ShouldBe("integer");
        var description = operation.GetProperty("description").GetString()!;
        description.ShouldContain("rel=\"next\"");
        description.ShouldContain("at most 100");
    }
}
