using CleanTemplate.Application.Articles.Import;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// The set-based statements of an import, each run in its transaction: one per import or one per batch, never one per
/// row.
/// </summary>
internal static class ArticleImportStatements
{
    private const string LockName = "article-import";

    /// <summary>
    /// A transaction-scoped advisory lock: imports take turns, so two files with the same titles cannot both decide a
    /// slug is free. Released by COMMIT or ROLLBACK.
    /// </summary>
    public static Task TakeImportLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(
            connection,
            "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
            cancellationToken,
            new NpgsqlParameter { Value = LockName });

    /// <summary>
    /// Turns the foreign keys' row triggers off for the transaction when the role may and the tables have no triggers
    /// of their own: <see cref="ImportReferences"/> already locked every row they would look up.
    /// Why, and the grant it takes: docs/decisions/0007-bulk-import-copies-into-the-tables.md.
    /// </summary>
    public static async Task<ReferenceChecking> SkipRowTriggersIfAllowedAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var mayTurnOff = connection.PostgreSqlVersion.Major >= 15
            ? "has_parameter_privilege('session_replication_role', 'SET')"
            : "current_setting('is_superuser')::boolean";
        await using var command = BulkSql.Create(connection, $"""
            SELECT {mayTurnOff}
               AND NOT EXISTS (SELECT 1 FROM pg_trigger
                               WHERE tgrelid IN ('articles'::regclass, 'article_tags'::regclass, 'tags'::regclass) AND NOT tgisinternal)
            """);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            return ReferenceChecking.RowTriggers;

        await BulkSql.ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", cancellationToken);
        return ReferenceChecking.SetBased;
    }

    /// <summary>
    /// Each row's slug, in file order: a row keeps its title's slug unless <paramref name="taken"/> has it (a live
    /// article has it) or an earlier row of the batch claimed it; then it takes the slug with its id's suffix. Each
    /// slug a row keeps is added to <paramref name="taken"/>.
    /// </summary>
    public static string[] AllocateSlugs(ImportedArticle[] batch, HashSet<string> taken) =>
        Array.ConvertAll(batch, row => taken.Add(row.BaseSlug) ? row.BaseSlug : row.DisambiguatedSlug);

    /// <summary>
    /// <see cref="AllocateSlugs"/> after asking the database which of the batch's title slugs a live article has (see
    /// <see cref="LiveSlugsAsync"/>); articles of earlier batches are rows of this transaction, so they count.
    /// </summary>
    public static async Task<string[]> AllocateProbedSlugsAsync(
        NpgsqlConnection connection,
        ImportedArticle[] batch,
        CancellationToken cancellationToken)
    {
        var candidates = batch.Select(row => row.BaseSlug).Distinct(StringComparer.Ordinal).ToArray();
        return AllocateSlugs(batch, await LiveSlugsAsync(connection, candidates, cancellationToken));
    }

    /// <summary>
    /// An article written through the API between a batch's <see cref="AllocateProbedSlugsAsync"/> and its COPY can
    /// take a slug the batch chose, and the COPY then fails on the unique index. Called after the rollback, so the
    /// other article is visible: names the first row (in file order) whose slug a live article now has, or returns null
    /// if none has.
    /// </summary>
    public static async Task<ArticleImportException?> SlugTakenMeanwhileAsync(
        NpgsqlConnection connection,
        ImportedArticle[] batch,
        string[] slugs,
        ImportedArticleFactory factory,
        CancellationToken cancellationToken)
    {
        var taken = await LiveSlugsAsync(connection, slugs, cancellationToken);
        var first = Array.FindIndex(slugs, taken.Contains);
        return first < 0
            ? null
            : factory.Error(batch[first].LineNumber, "title",
                $"its slug '{slugs[first]}' was taken by an article written while the import ran; "
                + "nothing was imported, run the import again");
    }

    /// <summary>
    /// Which of the slugs a live article has: one probe of the partial unique index per candidate, where a long IN
    /// list would make the planner scan all articles. Why: docs/decisions/0007-bulk-import-copies-into-the-tables.md.
    /// </summary>
    private static async Task<HashSet<string>> LiveSlugsAsync(
        NpgsqlConnection connection,
        string[] slugs,
        CancellationToken cancellationToken)
    {
        await using var command = BulkSql.Create(connection, """
            SELECT candidate.slug
            FROM unnest($1) AS candidate(slug)
                CROSS JOIN LATERAL (SELECT 1 FROM articles a WHERE a.slug = candidate.slug AND a.status = 'Active' LIMIT 1) AS live
            """, BulkSql.TextArray(slugs));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            taken.Add(reader.GetString(0));
        return taken;
    }
}
