using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.Infrastructure.Persistence.Interceptors;
using CleanTemplate.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Benchmarks.Import;

/// <summary>
/// The ways of loading an <see cref="ImportFile"/> that the benchmark compares: the bulk import from its JSON or its
/// CSV file, and EF Core's AddRange + SaveChanges. Each returns what it wants printed beside its time.
/// </summary>
internal static class ArticleLoaders
{
    public static Task<string> CopyJsonAsync(NpgsqlDataSource dataSource, ImportFile file) =>
        CopyAsync(dataSource, file.Json);

    public static Task<string> CopyCsvAsync(NpgsqlDataSource dataSource, ImportFile file) =>
        CopyAsync(dataSource, file.Csv);

    /// <summary>
    /// What a use case would do with EF: resolve authors, upsert tags, add every article with its tag links, save once.
    /// </summary>
    public static async Task<string> EntityFrameworkAsync(NpgsqlDataSource dataSource, ImportFile file)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(dataSource, new DatabaseOptions { MaxRetryCount = 0 })
            .AddInterceptors(new AuditingInterceptor(TimeProvider.System));
        await using var db = new ApplicationDbContext(options.Options);

        var rows = new List<ImportedArticle>();
        var factory = new ImportedArticleFactory(ArticleImportFormat.Json, DateTimeOffset.UtcNow);
        await using (var content = File.OpenRead(file.Json))
        {
            await foreach (var row in JsonArticleReader.ReadAsync(content, factory, CancellationToken.None))
                rows.Add(row);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var authorIds = await db.Users.ToDictionaryAsync(user => user.Username, user => user.Id);
        var tagNames = rows.SelectMany(row => row.Tags).Distinct().ToList();
        var tags = (await new TagRepository(db).EnsureAsync(tagNames, CancellationToken.None))
            .ToDictionary(tag => tag.Name);
        db.Articles.AddRange(rows.Select(row => Article.Write(
            authorIds[row.Author], row.Title, row.Description, row.Body, row.Tags.Select(name => tags[name]))));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return "";
    }

    private static async Task<string> CopyAsync(NpgsqlDataSource dataSource, string file)
    {
        var stages = new ImportStageTimer();
        var importer = new ArticleImporter(dataSource, TimeProvider.System);
        var result = await importer.ImportFileAsync(file, stages, CancellationToken.None);
        return $"  ({stages.Format()}; foreign keys: {result.ReferenceChecking})";
    }
}
