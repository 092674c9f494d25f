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
    /// Foreign keys are enforced by row triggers: every imported article and every tag link runs a lookup of the row it
    /// references, which is most of the cost of a bulk load. The import already resolves each referenced user and tag
    /// once per name and locks it as those triggers would (<see cref="ImportReferences"/>), and the articles it links are
    /// its own, so it turns the triggers off for its transaction, with SET LOCAL session_replication_role = replica (what
    /// logical replication's apply workers do), when two things hold:
    /// <list type="bullet">
    /// <item>the role may set that parameter: a superuser, or on PostgreSQL 15 and later a role granted
    /// <c>GRANT SET ON PARAMETER session_replication_role TO importer</c>;</item>
    /// <item>the tables it writes have no triggers of their own (an audit trigger, say), which would be skipped too.</item>
    /// </list>
    /// Otherwise the triggers check every row, as for any other write: slower, equally correct. Check constraints,
    /// NOT NULL and unique indexes are not triggers and always apply.
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
    /// Which of the slugs a live article has. The LATERAL ... LIMIT 1 (the slug is unique anyway) keeps the planner from
    /// turning the lookup into a scan of all articles, which it prefers for a long IN list once an import has grown the
    /// table past its statistics: one probe of the partial unique index on live slugs per candidate (hence the literal
    /// 'Active' of its filter), so a batch costs the same however many articles exist.
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
