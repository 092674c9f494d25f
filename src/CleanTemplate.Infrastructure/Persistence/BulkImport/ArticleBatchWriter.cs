using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Import;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Writes each batch's articles with binary COPY and chooses their slugs: optimistically, in a savepoint the unique
/// index may roll back, then probed after a collision and past the first <paramref name="savepointBatches"/> batches.
/// Why: docs/decisions/0007-bulk-import-copies-into-the-tables.md.
/// </summary>
internal sealed class ArticleBatchWriter(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    ImportedArticleFactory factory,
    ImportProgressReporter report,
    int savepointBatches)
{
    private const string Savepoint = "import_batch";

    private int _savepoints;
    private bool _probing;

    /// <summary>How many rows took the suffixed slug.</summary>
    public int Disambiguated { get; private set; }

    /// <summary>
    /// Writes the batch's articles. Enters <see cref="ImportStage.CopyingArticles"/> before each COPY, so a batch
    /// written twice reports it twice.
    /// </summary>
    public async Task WriteAsync(ImportedArticle[] batch, int[] authorIds, CancellationToken cancellationToken)
    {
        if (!_probing && _savepoints < savepointBatches)
        {
            var slugs = ArticleImportStatements.AllocateSlugs(batch, new HashSet<string>(StringComparer.Ordinal));
            report.Enter(ImportStage.CopyingArticles);
            await transaction.SaveAsync(Savepoint, cancellationToken);
            try
            {
                await ArticleCopy.ArticlesAsync(connection, batch, authorIds, slugs, cancellationToken);
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
                _savepoints++;
                Count(batch, slugs);
                return;
            }
            catch (PostgresException exception) when (IsSlugTaken(exception))
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
                _probing = true;
                report.Enter(ImportStage.Resolving);
            }
        }

        var probed = await ArticleImportStatements.AllocateProbedSlugsAsync(connection, batch, cancellationToken);
        report.Enter(ImportStage.CopyingArticles);
        try
        {
            await ArticleCopy.ArticlesAsync(connection, batch, authorIds, probed, cancellationToken);
        }
        catch (PostgresException exception) when (IsSlugTaken(exception))
        {
            // Between the probe and the COPY an article written through the API took one of the slugs.
            await transaction.RollbackAsync(cancellationToken);
            var named = await ArticleImportStatements.SlugTakenMeanwhileAsync(
                connection, batch, probed, factory, cancellationToken);
            if (named is null)
                throw;
            throw named;
        }

        Count(batch, probed);
    }

    private static bool IsSlugTaken(PostgresException exception) =>
        exception is
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: ArticleConstraints.SlugUniqueIndex,
        };

    private void Count(ImportedArticle[] batch, string[] slugs) =>
        Disambiguated += batch.Where((row, i) => slugs[i] != row.BaseSlug).Count();
}
