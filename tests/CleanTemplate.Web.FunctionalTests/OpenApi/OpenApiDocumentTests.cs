using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.OpenApi;

public sealed class OpenApiDocumentTests(WebApiFactory factory) : ApiTest(factory)
{
    // Together they list the whole document; the Conduit one goes with the sample's other files.
    private static readonly string[] Snapshots =
    [
        "openapi.users.txt",
        //#if (conduit)
        "openapi.conduit.txt",
        //#endif
    ];

    [Fact]
    public async Task The_openapi_document_lists_the_operations_responses_and_schemas_of_its_snapshot()
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");

        var document = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var actual = OpenApiSummary.Of(document).ToHashSet(StringComparer.Ordinal);
        var expected = Snapshots.SelectMany(ReadSnapshot).ToHashSet(StringComparer.Ordinal);
        var diff = expected.Except(actual).Select(line => $"- {line}")
            .Concat(actual.Except(expected).Select(line => $"+ {line}"))
            .ToList();
        if (diff.Count > 0)
        {
            Assert.Fail($"The OpenAPI document differs from OpenApi/{string.Join(" + ", Snapshots)}"
                + $" (- only in the snapshot, + only in the document):{Environment.NewLine}"
                + string.Join(Environment.NewLine, diff));
        }
    }

    private static IEnumerable<string> ReadSnapshot(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "OpenApi", name))
            .Where(line => line.Length > 0 && !line.StartsWith('#'));
}
