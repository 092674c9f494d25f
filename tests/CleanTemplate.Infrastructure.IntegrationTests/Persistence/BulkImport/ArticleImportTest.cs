using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// The import commits its own transaction, so these tests run on the class's database without a rollback scope, and
/// commit what they start from.
/// </summary>
public abstract class ArticleImportTest(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    /// <summary>Tests share the class's database: each names its rows with its own prefix.</summary>
    protected string Prefix { get; } = $"t{Guid.NewGuid():N}"[..9];

    protected ApplicationFixture Fixture => fixture;

    protected IArticleImporter Importer() => fixture.Services.GetRequiredService<IArticleImporter>();

    protected async Task<ArticleImportResult> ImportAsync(
        string content, ArticleImportFormat format, IProgress<ImportProgress>? progress = null)
    {
        await using var stream = ImportFiles.Utf8(content);
        return await Importer().ImportAsync(stream, format, progress, CancellationToken.None);
    }

    protected async Task<List<User>> CommitUsersAsync(int count)
    {
        var users = Enumerable.Range(0, count).Select(_ => TestUsers.New()).ToList();
        await fixture.CommitAsync(users);
        return users;
    }

    protected async Task<Tag> CommitTagAsync(string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.ExecuteSqlAsync($"INSERT INTO tags (name) VALUES ({name})");
        return await db.Tags.AsNoTracking().SingleAsync(tag => tag.Name == name);
    }

    protected Task CommitArticlesAsync(User author, string live, string deleted)
    {
        var doomed = Article.Write(author.Id, deleted, "d", "b", []);
        doomed.Delete();
        doomed.Status.ShouldBe(EntityStatus.Deleted);
        return fixture.CommitAsync(Article.Write(author.Id, live, "d", "b", []), doomed);
    }
}
