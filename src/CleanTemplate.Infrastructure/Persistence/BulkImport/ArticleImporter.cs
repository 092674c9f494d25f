using System.Diagnostics;
using CleanTemplate.Application.Articles.Import;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Bulk load in batches, all in ONE transaction on one connection: resolved set-based (<see cref="ImportReferences"/>),
/// then copied (<see cref="ArticleBatchWriter"/>, <see cref="ArticleCopy"/>).
/// Why: docs/decisions/0007-bulk-import-copies-into-the-tables.md.
/// </summary>
internal sealed class ArticleImporter(NpgsqlDataSource dataSource, TimeProvider clock) : IArticleImporter
{
    /// <summary>Small, so the database starts writing soon after the import starts (<see cref="Batches"/>).</summary>
    internal const int FirstBatchSize = 250;

    /// <summary>
    /// Large enough that the per-batch statements are noise next to the COPY; small enough to keep memory flat.
    /// </summary>
    internal const int BatchSize = 2_000;

    /// <summary>
    /// How many batches may be written optimistically, each in a savepoint of its own (see
    /// <see cref="ArticleBatchWriter"/>).
    /// </summary>
    internal int SavepointBatches { get; init; } = 64;

    public async Task<ArticleImportResult> ImportFileAsync(
        string path,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var format = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => ArticleImportFormat.Json,
            ".CSV" => ArticleImportFormat.Csv,
            _ => throw new ArgumentException($"'{path}' is neither a .json nor a .csv file.", nameof(path)),
        };
        await using var file = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            64 * 1024,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ImportAsync(file, format, progress, cancellationToken);
    }

    public async Task<ArticleImportResult> ImportAsync(
        Stream content,
        ArticleImportFormat format,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var report = new ImportProgressReporter(content, progress);
        var factory = new ImportedArticleFactory(format, clock.GetUtcNow());
        var parsed = format == ArticleImportFormat.Csv
            ? CsvArticleReader.ReadAsync(content, factory, cancellationToken)
            : JsonArticleReader.ReadAsync(content, factory, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ArticleImportStatements.TakeImportLockAsync(connection, cancellationToken);
        var referenceChecking =
            await ArticleImportStatements.SkipRowTriggersIfAllowedAsync(connection, cancellationToken);
        var references = new ImportReferences(connection, factory);
        var articles = new ArticleBatchWriter(connection, transaction, factory, report, SavepointBatches);
        var links = 0;

        report.Enter(ImportStage.Reading);
        var batches = parsed.InBatchesAsync(FirstBatchSize, BatchSize, cancellationToken);
        await foreach (var batch in batches.ReadAheadAsync(cancellationToken))
        {
            report.Enter(ImportStage.Resolving);
            var authorIds = await references.AuthorIdsAsync(batch, cancellationToken);
            var tagIds = await references.TagIdsAsync(batch, cancellationToken);
            await articles.WriteAsync(batch, authorIds, cancellationToken);

            report.Enter(ImportStage.CopyingLinks);
            links += await ArticleCopy.LinksAsync(connection, batch, tagIds, cancellationToken);

            report.Imported(batch.Length);
            report.Enter(ImportStage.Reading);
        }

        await transaction.CommitAsync(cancellationToken);
        report.Enter(ImportStage.Committed);
        return new ArticleImportResult(
            report.ArticlesImported,
            references.TagsCreated,
            links,
            articles.Disambiguated,
            referenceChecking,
            Stopwatch.GetElapsedTime(started));
    }
}
