using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

public sealed class ArticleImportTests(ApplicationFixture fixture) : ArticleImportTest(fixture)
{
    [Fact]
    public async Task Json_import_creates_the_articles_with_their_authors_tags_and_links()
    {
        var authors = await CommitUsersAsync(3);
        var existingTag = await CommitTagAsync($"{Prefix}-existing");
        var rows = Enumerable.Range(0, 300)
            .Select(i => new ImportRow(authors[i % 3].Username, $"{Prefix} article {i}", TagList: [$"{Prefix}-tag{i % 7}", existingTag.Name, $" {Prefix}-tag{i % 7} ", ""]))
            .ToList();
        var progress = new RecordingProgress<ImportProgress>();

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        (result.ArticlesImported, result.TagsCreated, result.TagLinks, result.SlugsDisambiguated).ShouldBe((300, 7, 600, 0));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var imported = await db.Articles.Where(article => article.Title.StartsWith(Prefix))
            .Select(article => new { article.Title, article.Slug, article.Author.Username, Tags = article.Tags.Select(link => link.Tag.Name).ToList(), article.CreatedAt, article.UpdatedAt })
            .ToListAsync();
        imported.Count.ShouldBe(300);
        imported.ShouldAllBe(article => article.CreatedAt == Fixture.Clock.GetUtcNow() && article.UpdatedAt == article.CreatedAt);
        foreach (var article in imported)
        {
            var i = int.Parse(article.Title.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
            article.Username.ShouldBe(authors[i % 3].Username);
            article.Slug.ShouldBe($"{Prefix}-article-{i}");
            article.Tags.Order().ShouldBe(new[] { existingTag.Name, $"{Prefix}-tag{i % 7}" }.Order());
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
        progress.Reports.Where(report => report.Stage == ImportStage.Resolving).Select(report => report.ArticlesImported)
            .ShouldBe([0, 250, 750, 1_750, 3_750], "batches of 250, 500, 1,000 and 2,000, then the remaining 1,250");
        var last = progress.Reports[^1];
        (last.Stage, last.ArticlesImported).ShouldBe((ImportStage.Committed, rows.Count));
        last.BytesTotal.ShouldNotBeNull();
        last.BytesRead.ShouldBe(last.BytesTotal.Value);
    }

    [Fact]
    public async Task Imported_slugs_are_unique_within_the_file_and_against_live_articles()
    {
        var author = (await CommitUsersAsync(1))[0];
        await CommitArticlesAsync(author, live: $"{Prefix} Same", deleted: $"{Prefix} Freed");
        string[] titles = [$"{Prefix} Same", $"{Prefix} Same!", $"{Prefix} Fresh", $"{Prefix} fresh?", $"{Prefix} Freed"];

        var result = await ImportAsync(ImportFiles.Json(titles.Select(title => new ImportRow(author.Username, title))), ArticleImportFormat.Json);

        result.SlugsDisambiguated.ShouldBe(3);
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var slugs = await db.Articles.Where(article => article.Title.StartsWith(Prefix)).ToDictionaryAsync(article => article.Id, article => (article.Title, article.Slug));
        slugs.Count.ShouldBe(6);
        slugs.Values.Select(article => article.Slug).Distinct().Count().ShouldBe(6);
        var imported = slugs.Values.Where(article => article.Slug != $"{Prefix}-same").ToDictionary(article => article.Title, article => article.Slug);
        imported[$"{Prefix} Same"].ShouldMatch($"^{Prefix}-same-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Same!"].ShouldMatch($"^{Prefix}-same-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Fresh"].ShouldBe($"{Prefix}-fresh");
        imported[$"{Prefix} fresh?"].ShouldMatch($"^{Prefix}-fresh-[0-9a-f]{{8}}$");
        imported[$"{Prefix} Freed"].ShouldBe($"{Prefix}-freed");
    }

    [Fact]
    public async Task Csv_file_import_reads_quoted_commas_quotes_and_line_breaks()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var csv = "author,title,description,body,tags,createdAt\r\n"
            + $"{author},\"{Prefix} Commas, quotes\",\"Short, with a comma\",\"Line one, \"\"quoted\"\"\r\nLine two\",{Prefix}-a;{Prefix}-b; {Prefix}-a ,2024-05-01T12:30:00+02:00\r\n"
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
        var quoted = await db.Articles.Include(article => article.Tags).ThenInclude(link => link.Tag).SingleAsync(article => article.Title == $"{Prefix} Commas, quotes");
        quoted.Description.ShouldBe("Short, with a comma");
        quoted.Body.ShouldBe("Line one, \"quoted\"\r\nLine two");
        quoted.Tags.Select(link => link.Tag.Name).Order().ShouldBe([$"{Prefix}-a", $"{Prefix}-b"]);
        quoted.CreatedAt.ShouldBe(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero));
        var plain = await db.Articles.Include(article => article.Tags).SingleAsync(article => article.Title == $"{Prefix} Plain");
        plain.Tags.ShouldBeEmpty();
        plain.CreatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_bad_csv_row_in_the_middle_stops_the_import_naming_its_line_and_field_and_nothing_is_written()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, 40)
            .Select(i => new ImportRow(author, $"{Prefix} row {i}", Body: i == 3 ? "spans\nthree\nlines" : "Text", TagList: [$"{Prefix}-new{i}"]))
            .ToList();
        rows[19] = rows[19] with { Title = "" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => ImportAsync(ImportFiles.Csv(rows), ArticleImportFormat.Csv));

        // Header on line 1, record k on line k + 1, and two more lines for the body of record 3: record 20 is on line 23.
        (error.LineNumber, error.Field, error.Message).ShouldBe((23, "title", "line 23, field 'title': can't be empty"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_json_row_stops_the_import_naming_its_item_and_field_and_nothing_is_written()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, 12).Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i}"])).ToList();
        rows[6] = rows[6] with { CreatedAt = "last Tuesday" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json));

        (error.LineNumber, error.Field).ShouldBe((7, "createdAt"));
        error.Message.ShouldStartWith("item 7, field 'createdAt': is not an ISO 8601 date and time");
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Theory]
    [InlineData("""[{"author":"a","title":"t","description":"d","body":"b"},{"author":"a","title":"t","description":"d","body":"b","tagList":"x"}]""",
        "item 2, field 'tagList': must be an array of strings (JSON line 1)")]
    [InlineData("""[{"author":"a","title":5,"description":"d","body":"b"}]""", "item 1, field 'title': must be a string (JSON line 1)")]
    [InlineData("""[{"author":"a","title":"t","description":"d","body":"b","tags":["x"]}]""",
        "item 1, field 'tags': is not a field of an article (author, title, description, body, tagList, createdAt)")]
    [InlineData("""[{"author":"a","title":"t","description":"d","body":"b"},null]""", "item 2, field '$': is null, not an article object")]
    [InlineData("[{\"author\":\"a\",\n\"title\":\"t\",,}]", "item 1, field '$': is not well-formed JSON (line 2): ',' is an invalid start of a property name. Expected a '\"'.")]
    [InlineData("""{"author":"a","title":"t","description":"d","body":"b"}""", "JSON line 1: the file must be one JSON array of article objects")]
    public async Task Json_that_is_not_an_array_of_articles_is_refused_naming_the_item_and_field(string json, string message)
    {
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => ImportAsync(json, ArticleImportFormat.Json));

        error.Message.ShouldBe(message);
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_author_stops_the_import_naming_the_row_and_nothing_is_written()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, 200).Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i % 9}"])).ToList();
        rows[119] = rows[119] with { Author = $"{Prefix}-nobody" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json));

        (error.LineNumber, error.Field, error.Message).ShouldBe((120, "author", $"item 120, field 'author': no user is named '{Prefix}-nobody'"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_title_repeated_in_a_later_batch_makes_that_batch_roll_back_to_its_savepoint_and_take_the_suffixed_slug()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, ArticleImporter.FirstBatchSize + 10).Select(i => new ImportRow(author.Username, $"{Prefix} {i}")).ToList();
        rows[ArticleImporter.FirstBatchSize + 4] = rows[0] with { Description = "The repeat" }; // item 255 repeats item 1's title, one batch later
        var progress = new RecordingProgress<ImportProgress>();

        var result = await ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress);

        (result.ArticlesImported, result.SlugsDisambiguated).ShouldBe((rows.Count, 1));
        progress.Reports.Where(report => report.Stage == ImportStage.CopyingArticles).Select(report => report.ArticlesImported)
            .ShouldBe([0, ArticleImporter.FirstBatchSize, ArticleImporter.FirstBatchSize], "the second batch is written twice: optimistically, then probed");
        await using var scope = Fixture.Services.CreateAsyncScope();
        var slugs = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Articles
            .Where(article => article.Title == $"{Prefix} 1").ToDictionaryAsync(article => article.Description, article => article.Slug);
        slugs.Count.ShouldBe(2);
        slugs[rows[0].Description].ShouldBe($"{Prefix}-1", "the first row in file order keeps the plain slug");
        slugs["The repeat"].ShouldMatch($"^{Prefix}-1-[0-9a-f]{{8}}$");
    }

    [Fact]
    public async Task An_article_written_meanwhile_with_a_slug_an_optimistic_batch_chose_makes_the_batch_take_the_suffixed_slug()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, 5).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        // The batch's slugs are chosen and not written yet: an API request commits an article with the third row's title.
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
        var rows = Enumerable.Range(1, ArticleImporter.FirstBatchSize + 10).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        // The first batch collides with the live article, so the second is probed before it is written; then the API
        // takes the slug of the second batch's third row.
        var progress = WritingAnArticleAt(ImportStage.CopyingArticles, ArticleImporter.FirstBatchSize, author, $"{Prefix} {ArticleImporter.FirstBatchSize + 3}");
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(() => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json, progress));

        (error.LineNumber, error.Field).ShouldBe((ArticleImporter.FirstBatchSize + 3, "title"));
        error.Message.ShouldBe(
            $"item 253, field 'title': its slug '{Prefix}-253' was taken by an article written while the import ran; nothing was imported, run the import again");
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before with { Articles = before.Articles + 1 });
    }

    [Fact]
    public async Task Once_its_savepoints_are_spent_the_import_probes_every_batch_before_writing_it()
    {
        var author = (await CommitUsersAsync(1))[0];
        var rows = Enumerable.Range(1, 5).Select(i => new ImportRow(author.Username, $"{Prefix} {i}"));
        var progress = WritingAnArticleAt(ImportStage.CopyingArticles, articlesImported: 0, author, $"{Prefix} 3");
        var importer = new ArticleImporter(Fixture.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System) { SavepointBatches = 0 };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(
            () => importer.ImportAsync(ImportFiles.Utf8(ImportFiles.Json(rows)), ArticleImportFormat.Json, progress, CancellationToken.None));

        (error.LineNumber, error.Field).ShouldBe((3, "title"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before with { Articles = before.Articles + 1 });
    }

    [Fact]
    public async Task A_failure_after_a_batch_of_articles_and_tags_was_written_rolls_all_of_them_back()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, ArticleImporter.BatchSize + 50).Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i}"]));
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress<ImportProgress>(report =>
        {
            if (report is { Stage: ImportStage.CopyingLinks, ArticlesImported: > 0 })
                cancellation.Cancel();
        });

        var failure = await Record.ExceptionAsync(() => Importer().ImportAsync(ImportFiles.Utf8(ImportFiles.Json(rows)), ArticleImportFormat.Json, progress, cancellation.Token));

        failure.ShouldBeAssignableTo<OperationCanceledException>();
        progress.Reports.ShouldContain(report => report.Stage == ImportStage.CopyingLinks && report.ArticlesImported == ArticleImporter.FirstBatchSize);
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_that_is_neither_json_nor_csv_is_refused()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => Importer().ImportFileAsync("articles.xml", null, CancellationToken.None));

        error.ParamName.ShouldBe("path");
    }

    /// <summary>
    /// Commits an article through its own scope, as an API request would, the first time the import reports
    /// <paramref name="stage"/> with <paramref name="articlesImported"/>. The callback runs on the importer's thread, so
    /// the import goes on after that commit.
    /// </summary>
    private RecordingProgress<ImportProgress> WritingAnArticleAt(ImportStage stage, int articlesImported, User author, string title)
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
