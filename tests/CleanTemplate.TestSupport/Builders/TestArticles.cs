using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;

namespace CleanTemplate.TestSupport.Builders;

/// <summary>Articles for the arrange step, written through the aggregate as the use cases write them.</summary>
public static class TestArticles
{
    public const string Description = "Ever wonder how?";
    public const string Body = "It takes a Jacobian";
    private static int _sequence;

    public static string UniqueTitle(string prefix = "How to train your dragon") =>
        $"{prefix} {Interlocked.Increment(ref _sequence)}";

    /// <summary>An unsaved article by a saved author, linked to saved tags (see <see cref="TestTags"/>).</summary>
    public static Article New(User author, string? title = null, IEnumerable<Tag>? tags = null)
    {
        if (author.Id == 0)
            throw new ArgumentException("Save the author first: the article refers to their id.", nameof(author));
        return Article.Write(author.Id, title ?? UniqueTitle(), Description, Body, tags ?? []);
    }

    /// <summary>Saves an article with these tag names, creating the tags that do not exist yet.</summary>
    public static async Task<Article> SaveAsync(
        ApplicationDbContext db,
        User author,
        string? title = null,
        params string[] tags)
    {
        var article = New(author, title, await TestTags.EnsureAsync(db, tags));
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }
}
