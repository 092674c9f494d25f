using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>Articles saved straight to the database for the arrange step, with their tags upserted like the app does.</summary>
internal static class ArticleArrangements
{
    public static async Task<IReadOnlyList<Article>> SaveArticlesAsync(this ConduitApiFactory factory, User author, int count, params string[] tags)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var tagged = await scope.ServiceProvider.GetRequiredService<ITagRepository>().EnsureAsync(tags, CancellationToken.None);
        var articles = Enumerable.Range(1, count)
            .Select(number => Article.Write(author.Id, $"{author.Username} article {number}", $"description {number}", $"body {number}", tagged))
            .ToList();
        foreach (var article in articles)
        {
            db.Articles.Add(article);
            // Distinct creation times make "newest first" observable.
            await db.SaveChangesAsync();
        }

        factory.QueryCounter.Reset();
        return articles;
    }

    public static async Task FollowAsync(this ConduitApiFactory factory, User follower, User followee)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Application.Profiles.IFollowRepository>().AddAsync(follower.Id, followee.Id, CancellationToken.None);
        factory.QueryCounter.Reset();
    }
}
