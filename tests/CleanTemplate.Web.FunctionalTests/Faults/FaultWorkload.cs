using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>
/// What the fault tests send, in the sample's terms: a write whose every acknowledged body must be stored exactly
/// once (a comment on one article), and a read of the table those writes fill (the article's comments).
/// </summary>
public sealed class FaultWorkload
{
    /// <summary>The table the writes fill.</summary>
    public const string Table = "comments";

    /// <summary>Each stored body with how often it is stored.</summary>
    public const string StoredBodies = "SELECT body, count(*)::int FROM comments GROUP BY body";

    private readonly string _comments;

    private FaultWorkload(string comments) => _comments = comments;

    public static async Task<FaultWorkload> ArrangeAsync(WebApiFactory factory)
    {
        var (author, _) = await factory.SignedInUserAsync();
        var article = await factory.SaveArticleAsync(author);
        return new FaultWorkload($"/api/articles/{article.Slug}/comments");
    }

    public Task<HttpResponseMessage> WriteAsync(HttpClient client, string body) =>
        client.PostAsJsonAsync(_comments, new { comment = new { body } });

    public Task<HttpResponseMessage> ReadAsync(HttpClient client) => client.GetAsync(_comments);
}
