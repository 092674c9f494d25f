using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.TestSupport.Builders;

/// <summary>
/// Comments for the arrange step: added through their article, each in a save of its own (so each has its own
/// timestamp).
/// </summary>
public static class TestComments
{
    private static int _sequence;

    public static string UniqueBody() => $"His name was my name too ({Interlocked.Increment(ref _sequence)}).";

    public static async Task<Comment> SaveAsync(
        ApplicationDbContext db,
        Article article,
        User author,
        string? body = null)
    {
        var tracked = await db.Articles.SingleAsync(candidate => candidate.Id == article.Id);
        var comment = tracked.Comment(author.Id, body ?? UniqueBody());
        await db.SaveChangesAsync();
        return comment;
    }
}
