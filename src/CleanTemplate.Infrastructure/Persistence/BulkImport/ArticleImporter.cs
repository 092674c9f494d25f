using System.Diagnostics;
using CleanTemplate.Application.Articles.Import;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Bulk load: rows are parsed and validated as they stream through binary COPY into a TEMP staging table, then a few
/// set-based statements check the authors, upsert the tags, insert the articles with unique slugs and link the tags.
/// Everything runs in ONE transaction on one connection: a bad row, an unknown author, a database error or a
/// cancellation anywhere rolls it all back.
/// </summary>
internal sealed class ArticleImporter(NpgsqlDataSource dataSource, TimeProvider clock) : IArticleImporter
{
    private const int RowsAhead = 1_024;

    public async Task<ArticleImportResult> ImportFileAsync(string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var format = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => ArticleImportFormat.Json,
            ".CSV" => ArticleImportFormat.Csv,
            _ => throw new ArgumentException($"'{path}' is neither a .json nor a .csv file.", nameof(path)),
        };
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ImportAsync(file, format, progress, cancellationToken);
    }

    public async Task<ArticleImportResult> ImportAsync(
        Stream content, ArticleImportFormat format, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = new ImportProgressReporter(content, progress);
        var factory = new ImportedArticleFactory(format, clock.GetUtcNow());
        var parsed = format == ArticleImportFormat.Csv
            ? CsvArticleReader.ReadAsync(content, factory, cancellationToken)
            : JsonArticleReader.ReadAsync(content, factory, cancellationToken);
        var rows = parsed.ReadAheadAsync(RowsAhead, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ArticleImportStatements.TakeImportLockAsync(connection, cancellationToken);
        await ArticleImportStatements.RaiseWorkMemoryAsync(connection, cancellationToken);

        report.Enter(ImportStage.Copying);
        await ArticleStaging.CreateAsync(connection, cancellationToken);
        await ArticleStaging.CopyAsync(connection, rows, report.RowCopied, cancellationToken);
        await ArticleStaging.AnalyzeAsync(connection, cancellationToken);

        report.Enter(ImportStage.CheckingAuthors);
        if (await ArticleImportStatements.FirstUnknownAuthorAsync(connection, cancellationToken) is { } unknown)
            throw factory.Error(unknown.LineNumber, "author", $"no user is named '{unknown.Author}'");

        report.Enter(ImportStage.InsertingTags);
        var tagsCreated = await ArticleImportStatements.InsertTagsAsync(connection, cancellationToken);

        report.Enter(ImportStage.InsertingArticles);
        var (inserted, disambiguated) = await ArticleImportStatements.InsertArticlesAsync(connection, cancellationToken);
        report.ArticlesInserted(inserted);

        report.Enter(ImportStage.LinkingTags);
        var links = await ArticleImportStatements.LinkTagsAsync(connection, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        report.Enter(ImportStage.Committed);
        return new ArticleImportResult(inserted, tagsCreated, links, disambiguated, Stopwatch.GetElapsedTime(started));
    }
}
