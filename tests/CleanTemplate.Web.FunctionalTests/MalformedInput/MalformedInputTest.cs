using System.Runtime.CompilerServices;
using System.Text;
//#if (conduit)
using CleanTemplate.Domain.Articles;
//#endif
using CleanTemplate.Domain.Users;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>
/// Base of the malformed-input suite: a signed-in author (with an article), and raw requests sent as given.
/// </summary>
public abstract class MalformedInputTest(WebApiFactory factory) : ApiTest(factory)
{
    // A refused request writes nothing, so one arrangement per host serves every test of a class (hundreds of them);
    // each test compares row counts before and after itself, and the few requests that succeed write harmlessly.
    private static readonly ConditionalWeakTable<WebApiFactory, Task<Arrangement>> Arrangements = new();

    protected User Author { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>What the placeholders of a path (<c>{slug}</c>) stand for in this arrangement.</summary>
    private readonly Dictionary<string, string> _placeholders = [];
    //#if (conduit)

    protected Article Article { get; private set; } = null!;

    protected string ArticleSlug { get; private set; } = null!;
    //#endif

    public override Task InitializeAsync() => Task.CompletedTask;

    protected async Task ArrangeAsync()
    {
        var arranged = await Arrangements.GetValue(Factory, ArrangeOnceAsync);
        Author = arranged.Author;
        Client = Factory.ClientFor(Author);
        //#if (conduit)
        Article = arranged.Article;
        // A request that succeeded may have renamed the article; its slug is read back, never assumed.
        ArticleSlug = (await Factory.ScalarAsync<string>(
            "SELECT slug FROM articles WHERE id = @id", ("id", Article.Id)))!;
        _placeholders["{slug}"] = ArticleSlug;
        //#endif
    }

    private static async Task<Arrangement> ArrangeOnceAsync(WebApiFactory factory)
    {
        await factory.ResetDatabaseAsync();
        var (author, _) = await factory.SignedInUserAsync("author");
        return new Arrangement
        {
            Author = author,
            //#if (conduit)
            Article = await factory.SaveArticleAsync(author, "Existing article", "existing"),
            //#endif
        };
    }

    protected Task<string> RowCountsAsync() => RowCounts.TakeAsync(Factory.Database);

    protected string PathOf(WriteEndpoint endpoint) => PathOf(endpoint.Path);

    protected string PathOf(string path) => _placeholders.Aggregate(path, (resolved, placeholder) =>
        resolved.Replace(placeholder.Key, placeholder.Value, StringComparison.Ordinal));

    /// <summary>
    /// Sends <paramref name="body"/> as raw bytes under <paramref name="contentType"/> (none when null).
    /// </summary>
    protected static HttpRequestMessage Raw(
        string method, string path, byte[]? body, string? contentType = "application/json")
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

    private sealed class Arrangement
    {
        public required User Author { get; init; }
        //#if (conduit)

        public required Article Article { get; init; }
        //#endif
    }
}
