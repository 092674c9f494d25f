using System.Globalization;
using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>What a successful import writes, from a JSON or a CSV file, and what it reports on the way.</summary>
public sealed class ArticleImportTests(ApplicationFixture fixture) : ArticleImportTest(fixture)
{
    [Fact]
    public async Task Json_import_creates_the_articles_with_their_authors_tags_and_links()
    {
        var authors = await CommitUsersAsync(3);
        var existingTag = await CommitTagAsync($"{Prefix}-existing");
        var rows = Enumerable.Range(0, 300)
            .Select(i => new ImportRow(
                authors[i % 3].Username,
                $"{Prefix} article {i}",
                TagList: [$"{Prefix}-tag{i % 7}", existingTag.Name, $" {Prefix}-tag{i % 7} ", ""]))
            .ToList();
        var progress = new RecordingProgress<ImportProgress>();

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        (result.ArticlesImported, result.TagsCreated, result.TagLinks, result.SlugsDisambiguated)
            .ShouldBe((300, 7, 600, 0));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var imported = await db.Articles.Where(article => article.Title.StartsWith(Prefix))
            .Select(article => new
            {
                article.Title,
                article.Slug,
                article.Author.Username,
                Tags = article.Tags.Select(link => link.Tag.Name).ToList(),
                article.TagNames,
                article.CreatedAt,
                article.UpdatedAt,
            })
            .ToListAsync();
        imported.Count.ShouldBe(300);
        imported.ShouldAllBe(article =>
            article.CreatedAt == Fixture.Clock.GetUtcNow() && article.UpdatedAt == article.CreatedAt);
        foreach (var article in imported)
        {
            var i = int.Parse(article.Title.Split(' ')[^1], CultureInfo.InvariantCulture);
            article.Username.ShouldBe(authors[i % 3].Username);
            article.Slug.ShouldBe($"{Prefix}-article-{i}");
            article.Tags.Order().ShouldBe(new[] { existingTag.Name, $"{Prefix}-tag{i % 7}" }.Order());
            article.TagNames.ShouldBe(article.Tags.Order(StringComparer.Ordinal).ToList());
        }

        var tags = await db.Tags.Where(tag => tag.Name.StartsWith(Prefix)).ToListAsync();
        tags.Count.ShouldBe(8);
        tags.Single(tag => tag.Name == existingTag.Name).Id.ShouldBe(existingTag.Id);
    }

    [Fact]
    public async Task Import_reports_each_batch_through_every_stage()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(0, 5_000).Select(i => new ImportRow(author.Username, $"{Prefix} {i}")).ToList();
        var progress = new RecordingProgress<ImportProgress>();

        await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        progress.Reports.Select(report => report.Stage).Distinct().Order().ShouldBe(Enum.GetValues<ImportStage>());
        progress.Reports.Where(report => report.Stage == ImportStage.Resolving)
            .Select(report => report.ArticlesImported)
            .ShouldBe([0, 250, 750, 1_750, 3_750], "batches of 250, 500, 1,000 and 2,000, then the remaining 1,250");
        var last = progress.Reports[^1];
        (last.Stage, last.ArticlesImported).ShouldBe((ImportStage.Committed, rows.Count));
        last.BytesTotal.ShouldNotBeNull();
        last.BytesRead.ShouldBe(last.BytesTotal.Value);
    }

    [Fact]
    public async Task Csv_file_import_reads_quoted_commas_quotes_and_line_breaks()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var quotedRecord = $"{author},\"{Prefix} Commas, quotes\",\"Short, with a comma\","
            + "\"Line one, \"\"quoted\"\"\r\nLine two\","
            + $"{Prefix}-a;{Prefix}-b; {Prefix}-a ,2024-05-01T12:30:00+02:00\r\n";
        var csv = "author,title,description,body,tags,createdAt\r\n"
            + quotedRecord
            + $"{author},{Prefix} Plain,Plain,Body,,\n";
        var path = Path.Combine(Path.GetTempPath(), $"{Prefix}.csv");
        await File.WriteAllTextAsync(path, csv);

        try
        {
            var result = await Importer().ImportFileAsync(path, null, CancellationToken.None);

            (result.ArticlesImported, result.TagLinks).ShouldBe((2, 2));
        }
        finally
        {
            File.Delete(path);
        }

        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var quoted = await db.Articles.Include(article => article.Tags).ThenInclude(link => link.Tag)
            .SingleAsync(article => article.Title == $"{Prefix} Commas, quotes");
        quoted.Description.ShouldBe("Short, with a comma");
        quoted.Body.ShouldBe("Line one, \"quoted\"\r\nLine two");
        quoted.Tags.Select(link => link.Tag.Name).Order().ShouldBe([$"{Prefix}-a", $"{Prefix}-b"]);
        quoted.CreatedAt.ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero));
        var plain = await db.Articles.Include(article => article.Tags)
            .SingleAsync(article => article.Title == $"{Prefix} Plain");
        plain.Tags.ShouldBeEmpty();
        plain.CreatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
    }
}
