using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Import;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Writes each batch's articles with binary COPY (<see cref="ArticleCopy"/>) and chooses their slugs: a row keeps its
/// title's slug unless a live article or an earlier row of the import has it, and takes the slug with its id's suffix
/// otherwise (<see cref="ArticleImportStatements.AllocateSlugs"/>).
/// <para>
/// Optimistic first. Most titles are new, so a batch is written as if no live article had any of its slugs, inside a
/// savepoint, and the partial unique index on live slugs checks that as the COPY inserts each row: work the insert does
/// anyway, where asking first costs one index probe per row. When the index refuses a slug, the batch rolls back to its
/// savepoint and is written again with probed slugs (<see cref="ArticleImportStatements.AllocateProbedSlugsAsync"/>),
/// and so is every later batch: titles that collide once (a file imported a second time) tend to go on colliding.
/// </para>
/// <para>
/// A released savepoint leaves a subtransaction id with the transaction until it commits. PostgreSQL keeps 64 of them per
/// transaction in shared memory; past that, other sessions' visibility checks read pg_subtrans until the import ends.
/// So at most <paramref name="savepointBatches"/> batches are written optimistically (64 batches are 123,750 articles at
/// the importer's sizes), and the rest are probed.
/// </para>
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
