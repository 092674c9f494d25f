using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// Imported slugs are unique: within the file, against live articles, and against articles the API writes while the
/// import runs. Batches are written optimistically and roll back to a savepoint on a collision; after one, or once the
/// savepoints are spent, batches are probed before they are written.
/// </summary>
public sealed class ArticleImportSlugTests(ApplicationFixture fixture) : ArticleImportTest(fixture)
{
    [Fact]
    public async Task Imported_slugs_are_unique_within_the_file_and_against_live_articles()
    {
        var author = (await CommitUsersAsync(1))[0];
        await CommitArticlesAsync(author, live: $"{Prefix} Same", deleted: $"{Prefix} Freed");
        string[] titles =
            [$"{Prefix} Same", $"{Prefix} Same!", $"{Prefix} Fresh", $"{Prefix} fresh?", $"{Prefix} Freed"];
        var rows = titles.Select(title => new ImportRow(author.Username, title));

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json);

        result.SlugsDisambiguated.ShouldBe(3);
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var slugs = await db.Articles.Where(article => article.Title.StartsWith(Prefix))
            .ToDictionaryAsync(article => article.Id, article => (article.Title, article.Slug));
        slugs.Count.ShouldBe(6);
        slugs.Values.Select(article => article.Slug).Distinct().Count().ShouldBe(6);
        var imported = slugs.Values.Where(article => article.Slug != $"{Prefix}-same")
            .ToDictionary(article => article.Title, article => article.Slug);
        imported[$"{Prefix} Same"].ShouldMatch($"^{Prefix}-same-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Same!"].ShouldMatch($"^{Prefix}-same-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Fresh"].ShouldBe($"{Prefix}-fresh");
        imported[$"{Prefix} fresh?"].ShouldMatch($"^{Prefix}-fresh-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Freed"].ShouldBe($"{Prefix}-freed");
    }

    [Fact]
    public async Task A_title_repeated_in_a_later_batch_makes_that_batch_roll_back_to_its_savepoint_and_take_the_suffixed_slug()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, ArticleImporter.FirstBatchSize + 10)
            .Select(i => new ImportRow(author.Username, $"{Prefix} {i}"))
            .ToList();
        // Item 255 repeats item 1's title, one batch later.
        rows[ArticleImporter.FirstBatchSize + 4] = rows[0] with { Description = "The repeat" };
        var progress = new RecordingProgress<ImportProgress>();

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        (result.ArticlesImported, result.SlugsDisambiguated).ShouldBe((rows.Count, 1));
        progress.Reports.Where(report => report.Stage == ImportStage.CopyingArticles)
            .Select(report => report.ArticlesImported)
            .ShouldBe(
                [0, ArticleImporter.FirstBatchSize, ArticleImporter.FirstBatchSize],
                "the second batch is written twice: optimistically, then probed");
        await using var scope = Fixture.Services.CreateAsyncScope();
        var slugs = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Articles
            .Where(article => article.Title == $"{Prefix} 1")
            .ToDictionaryAsync(article => article.Description, article => article.Slug);
        slugs.Count.ShouldBe(2);
        slugs[rows[0].Description].ShouldBe($"{Prefix}-1", "the first row in file order keeps the plain slug");
        slugs["The repeat"].ShouldMatch($"^{Prefix}-1-[0-9a-f]{{8}}$");
    }

    [Fact]
    public async Task An_article_written_meanwhile_with_a_slug_an_optimistic_batch_chose_makes_the_batch_take_the_suffixed_slug()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, 5).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        // The batch's slugs are chosen and not written yet: an API request commits an article with the third row's
        // title.
        var progress = WritingAnArticleAt(ImportStage.CopyingArticles, articlesImported: 0, author, $"{Prefix} 3");

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        (result.ArticlesImported, result.SlugsDisambiguated).ShouldBe((5, 1));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var third = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Articles
            .Where(article => article.Title == $"{Prefix} 3").Select(article => article.Slug).ToListAsync();
        third.Count.ShouldBe(2);
        third.ShouldContain($"{Prefix}-3", "the article written meanwhile keeps its slug");
        third.ShouldContain(slug => slug.StartsWith($"{Prefix}-3-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_collision_later_batches_are_probed_and_an_article_written_between_probe_and_copy_stops_the_import_naming_the_row()
    {
        var author = (await CommitUsersAsync(1))[0];
        await CommitArticlesAsync(author, live: $"{Prefix} 1", deleted: $"{Prefix} gone");
        var rows = Enumerable.Range(1, ArticleImporter.FirstBatchSize + 10)
            .Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        // The first batch collides with the live article, so the second is probed before it is written; then the API
        // takes the slug of the second batch's third row.
        var taken = $"{Prefix} {ArticleImporter.FirstBatchSize + 3}";
        var progress = WritingAnArticleAt(ImportStage.CopyingArticles, ArticleImporter.FirstBatchSize, author, taken);
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(
            () => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress));

        (error.LineNumber, error.Field).ShouldBe((ArticleImporter.FirstBatchSize + 3, "title"));
        error.Message.ShouldBe(
            $"item 253, field 'title': its slug '{Prefix}-253' was taken by an article written while the import ran; "
            + "nothing was imported, run the import again");
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before with { Articles = before.Articles + 1 });
    }

    [Fact]
    public async Task Once_its_savepoints_are_spent_the_import_probes_every_batch_before_writing_it()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, 5).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        var progress = WritingAnArticleAt(ImportStage.CopyingArticles, articlesImported: 0, author, $"{Prefix} 3");
        var dataSource = Fixture.Services.GetRequiredService<NpgsqlDataSource>();
        var importer = new ArticleImporter(dataSource, TimeProvider.System) { SavepointBatches = 0 };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => importer.ImportAsync(
            ImportFiles.Utf8(ImportFiles.Json(rows)), ArticleImportFormat.Json, progress, CancellationToken.None));

        (error.LineNumber, error.Field).ShouldBe((3, "title"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before with { Articles = before.Articles + 1 });
    }

    /// <summary>
    /// Commits an article through its own scope, as an API request would, the first time the import reports
    /// <paramref name="stage"/> with <paramref name="articlesImported"/>. The callback runs on the importer's thread,
    /// so the import goes on after that commit.
    /// </summary>
    private RecordingProgress<ImportProgress> WritingAnArticleAt(
        ImportStage stage, int articlesImported, User author, string title)
    {
        var written = false;
        return new RecordingProgress<ImportProgress>(report =>
        {
            if (written || report.Stage != stage || report.ArticlesImported != articlesImported)
                return;
            written = true;
            Fixture.CommitAsync(Article.Write(author.Id, title, "d", "b", [])).GetAwaiter().GetResult();
        });
    }
}
