using System.Text;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>Base of the malformed-input suite: a signed-in author with an article, and raw requests sent as given.</summary>
public abstract class MalformedInputTest(ConduitApiFactory factory) : ApiTest(factory)
{
    protected User Author { get; private set; } = null!;

    protected Article Article { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected async Task ArrangeAsync()
    {
        (Author, Client) = await Factory.SignedInUserAsync("author");
        Article = await Factory.SaveArticleAsync(Author, "Existing article", "existing");
    }

    protected Task<string> RowCountsAsync() => RowCounts.TakeAsync(Factory.Database);

    protected string PathOf(WriteEndpoint endpoint) => endpoint.Path.Replace("{slug}", Article.Slug, StringComparison.Ordinal);

    /// <summary>Sends <paramref name="body"/> as raw bytes under <paramref name="contentType"/> (none when null).</summary>
    protected static HttpRequestMessage Raw(string method, string path, byte[]? body, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is null)
            return request;
        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
