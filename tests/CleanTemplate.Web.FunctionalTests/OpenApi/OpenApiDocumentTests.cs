using System.Net;
using System.Reflection;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.OpenApi;

/// <summary>
/// The document against the union of the embedded <c>OpenApi/openapi.*.txt</c>: one for user accounts, one for the
/// Conduit sample (left out with it), one for each use case <c>dotnet new clean-usecase</c> adds.
/// </summary>
public sealed class OpenApiDocumentTests(WebApiFactory factory) : ApiTest(factory)
{
    private static readonly Assembly Snapshots = typeof(OpenApiDocumentTests).Assembly;

    [Fact]
    public async Task The_openapi_document_lists_the_operations_responses_and_schemas_of_its_snapshots()
    {
        var response = await Anonymous.GetAsync("/openapi/v1.json");

        var document = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var actual = OpenApiSummary.Of(document).ToHashSet(StringComparer.Ordinal);
        var names = Snapshots.GetManifestResourceNames()
            .Where(name => name.StartsWith("OpenApi/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = names.SelectMany(ReadSnapshot).ToHashSet(StringComparer.Ordinal);
        var diff = expected.Except(actual).Select(line => $"- {line}")
            .Concat(actual.Except(expected).Select(line => $"+ {line}"))
            .ToList();
        if (diff.Count > 0)
        {
            Assert.Fail($"The OpenAPI document differs from {string.Join(" + ", names)}"
                + $" (- only in a snapshot, + only in the document):{Environment.NewLine}"
                + string.Join(Environment.NewLine, diff));
        }
    }

    private static IEnumerable<string> ReadSnapshot(string name)
    {
        using var reader = new StreamReader(Snapshots.GetManifestResourceStream(name)!);
        return reader.ReadToEnd().Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }
}
