using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// The set-based half of an import: each step is one statement over the whole staging table, so the cost is a few
/// joins however many rows the file has. They run in the import's transaction, in this order.
/// </summary>
internal static class ArticleImportStatements
{
    private const string LockName = "article-import";

    /// <summary>
    /// SET LOCAL lasts until the transaction ends: enough sort memory for the slug ranking and the joins over the whole
    /// file to run in memory rather than spill to temporary files. The server's default (4 MB) is sized for many small
    /// concurrent queries.
    /// </summary>
    public static Task RaiseWorkMemoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, "SET LOCAL work_mem = '64MB'", cancellationToken);

    /// <summary>
    /// A transaction-scoped advisory lock: imports take turns, so two files with the same titles cannot both decide a
    /// slug is free. Released by COMMIT or ROLLBACK.
    /// </summary>
    public static Task TakeImportLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", cancellationToken, new NpgsqlParameter { Value = LockName });

    /// <summary>An anti-join against users: the first row (in file order) whose author has no account, if any.</summary>
    public static async Task<(int LineNumber, string Author)?> FirstUnknownAuthorAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = BulkSql.Create(connection, """
            SELECT s.line_number, s.author
            FROM article_import s
            WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.username = s.author)
            ORDER BY s.line_number
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// Upsert: INSERT ... ON CONFLICT DO NOTHING creates the names no tag has yet and reuses the others, also when a
    /// concurrent request creates the same name (the unique index arbitrates). Sorted, so concurrent writers lock index
    /// entries in one order. Returns the number of tags created.
    /// </summary>
    public static Task<int> InsertTagsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, """
            INSERT INTO tags (name)
            SELECT DISTINCT tag.name
            FROM article_import s CROSS JOIN LATERAL unnest(s.tags) AS tag(name)
            ORDER BY tag.name
            ON CONFLICT (name) DO NOTHING
            """, cancellationToken);

    /// <summary>
    /// INSERT ... SELECT from staging joined to users. Slugs are decided set-based: the window function row_number()
    /// ranks the rows sharing a title's slug in file order; the first keeps the plain slug unless a live article has it
    /// (NOT EXISTS, served by the partial unique index on live slugs, hence the literal 'Active' of its filter), and every
    /// other row takes its disambiguated slug. The ranking sorts narrow rows (slug, line, id), not whole articles, and the
    /// data-modifying CTEs let one statement insert and count.
    /// </summary>
    public static async Task<(int Inserted, int Disambiguated)> InsertArticlesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = BulkSql.Create(connection, """
            WITH slugs AS (
                SELECT ranked.id,
                       CASE WHEN ranked.slug_rank = 1
                                 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.slug = ranked.base_slug AND a.status = 'Active')
                            THEN ranked.base_slug
                       END AS plain_slug
                FROM (
                    SELECT id, base_slug, row_number() OVER (PARTITION BY base_slug ORDER BY line_number) AS slug_rank
                    FROM article_import
                ) AS ranked
            ), inserted AS (
                INSERT INTO articles (id, slug, title, description, body, author_id, created_at, updated_at, status)
                SELECT s.id, coalesce(slugs.plain_slug, s.disambiguated_slug), s.title, s.description, s.body, u.id,
                       s.created_at, s.created_at, 'Active'
                FROM article_import s
                    JOIN slugs ON slugs.id = s.id
                    JOIN users u ON u.username = s.author
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted)::int, (SELECT count(*) FROM slugs WHERE plain_slug IS NULL)::int
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>
    /// INSERT ... SELECT of the many-to-many links: each row's tag array unnested and joined to the tag ids. In file
    /// order, which is id order, so the (article_id, tag_id) primary key index grows at its right edge.
    /// </summary>
    public static Task<int> LinkTagsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, """
            INSERT INTO article_tags (article_id, tag_id, created_at)
            SELECT s.id, t.id, s.created_at
            FROM article_import s
                CROSS JOIN LATERAL unnest(s.tags) AS tag(name)
                JOIN tags t ON t.name = tag.name
            ORDER BY s.line_number
            """, cancellationToken);
}
