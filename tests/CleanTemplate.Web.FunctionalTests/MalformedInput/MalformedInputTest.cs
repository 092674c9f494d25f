using System.Runtime.CompilerServices;
using System.Text;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>
/// Base of the malformed-input suite: a signed-in author with an article, and raw requests sent as given.
/// </summary>
public abstract class MalformedInputTest(ConduitApiFactory factory) : ApiTest(factory)
{
    // A refused request writes nothing, so one arrangement per host serves every test of a class (hundreds of them);
    // each test compares row counts before and after itself, and the few requests that succeed write harmlessly.
    private static readonly ConditionalWeakTable<ConduitApiFactory, Task<(User, Article)>> Arrangements = new();

    protected User Author { get; private set; } = null!;

    protected Article Article { get; private set; } = null!;

    protected string ArticleSlug { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public override Task InitializeAsync() => Task.CompletedTask;

    protected async Task ArrangeAsync()
    {
        (Author, Article) = await Arrangements.GetValue(Factory, ArrangeOnceAsync);
        Client = Factory.ClientFor(Author);
        // A request that succeeded may have renamed the article; its slug is read back, never assumed.
        ArticleSlug = (await Factory.ScalarAsync<string>(
            "SELECT slug FROM articles WHERE id = @id", ("id", Article.Id)))!;
    }

    private static async Task<(User, Article)> ArrangeOnceAsync(ConduitApiFactory factory)
    {
        await factory.ResetDatabaseAsync();
        var (author, _) = await factory.SignedInUserAsync("author");
        return (author, await factory.SaveArticleAsync(author, "Existing article", "existing"));
    }

    protected Task<string> RowCountsAsync() => RowCounts.TakeAsync(Factory.Database);

    protected string PathOf(WriteEndpoint endpoint) =>
        endpoint.Path.Replace("{slug}", ArticleSlug, StringComparison.Ordinal);

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
}
