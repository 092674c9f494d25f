using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Infrastructure.Persistence.BulkImport;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// A bad row, a file that is not an array of articles, an unknown author or a failure midway stops the import, naming
/// the row and field where there is one, and leaves the tables as they were.
/// </summary>
public sealed class ArticleImportFailureTests(ApplicationFixture fixture) : ArticleImportTest(fixture)
{
    [Fact]
    public async Task A_bad_csv_row_in_the_middle_stops_the_import_naming_its_line_and_field_and_nothing_is_written()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, 40)
            .Select(i => new ImportRow(
                author,
                $"{Prefix} row {i}",
                Body: i == 3 ? "spans\nthree\nlines" : "Text",
                TagList: [$"{Prefix}-new{i}"]))
            .ToList();
        rows[19] = rows[19] with { Title = "" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(
            () => ImportAsync(ImportFiles.Csv(rows), ArticleImportFormat.Csv));

        // Header on line 1, record k on line k + 1, and two more lines for the body of record 3: record 20 is on
        // line 23.
        (error.LineNumber, error.Field, error.Message)
            .ShouldBe((23, "title", "line 23, field 'title': can't be empty"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_json_row_stops_the_import_naming_its_item_and_field_and_nothing_is_written()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, 12)
            .Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i}"]))
            .ToList();
        rows[6] = rows[6] with { CreatedAt = "last Tuesday" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(
            () => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json));

        (error.LineNumber, error.Field).ShouldBe((7, "createdAt"));
        error.Message.ShouldStartWith("item 7, field 'createdAt': is not an ISO 8601 date and time");
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Theory]
    [InlineData(
        """[{"author":"a","title":"t","description":"d","body":"b"},"""
            + """{"author":"a","title":"t","description":"d","body":"b","tagList":"x"}]""",
        "item 2, field 'tagList': must be an array of strings (JSON line 1)")]
    [InlineData(
        """[{"author":"a","title":5,"description":"d","body":"b"}]""",
        "item 1, field 'title': must be a string (JSON line 1)")]
    [InlineData(
        """[{"author":"a","title":"t","description":"d","body":"b","tags":["x"]}]""",
        "item 1, field 'tags': is not a field of an article (author, title, description, body, tagList, createdAt)")]
    [InlineData(
        """[{"author":"a","title":"t","description":"d","body":"b"},null]""",
        "item 2, field '$': is null, not an article object")]
    [InlineData(
        "[{\"author\":\"a\",\n\"title\":\"t\",,}]",
        "item 1, field '$': is not well-formed JSON (line 2): "
            + "',' is an invalid start of a property name. Expected a '\"'.")]
    [InlineData(
        """{"author":"a","title":"t","description":"d","body":"b"}""",
        "JSON line 1: the file must be one JSON array of article objects")]
    public async Task Json_that_is_not_an_array_of_articles_is_refused_naming_the_item_and_field(
        string json, string message)
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
        var rows = Enumerable.Range(1, 200)
            .Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i % 9}"]))
            .ToList();
        rows[119] = rows[119] with { Author = $"{Prefix}-nobody" };
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);

        var error = await Should.ThrowAsync<ArticleImportException>(
            () => ImportAsync(ImportFiles.Json(rows), ArticleImportFormat.Json));

        (error.LineNumber, error.Field, error.Message)
            .ShouldBe((120, "author", $"item 120, field 'author': no user is named '{Prefix}-nobody'"));
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_failure_after_a_batch_of_articles_and_tags_was_written_rolls_all_of_them_back()
    {
        var author = (await CommitUsersAsync(1))[0].Username;
        var rows = Enumerable.Range(1, ArticleImporter.BatchSize + 50)
            .Select(i => new ImportRow(author, $"{Prefix} {i}", TagList: [$"{Prefix}-new{i}"]));
        var before = await DatabaseSnapshot.TakeAsync(Fixture.Database);
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress<ImportProgress>(report =>
        {
            if (report is { Stage: ImportStage.CopyingLinks, ArticlesImported: > 0 })
                cancellation.Cancel();
        });

        var failure = await Record.ExceptionAsync(() => Importer().ImportAsync(
            ImportFiles.Utf8(ImportFiles.Json(rows)), ArticleImportFormat.Json, progress, cancellation.Token));

        failure.ShouldBeAssignableTo<OperationCanceledException>();
        progress.Reports.ShouldContain(report =>
            report.Stage == ImportStage.CopyingLinks && report.ArticlesImported == ArticleImporter.FirstBatchSize);
        (await DatabaseSnapshot.TakeAsync(Fixture.Database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_that_is_neither_json_nor_csv_is_refused()
    {
        var error = await Should.ThrowAsync<ArgumentException>(
            () => Importer().ImportFileAsync("articles.xml", null, CancellationToken.None));

        error.ParamName.ShouldBe("path");
    }
}
