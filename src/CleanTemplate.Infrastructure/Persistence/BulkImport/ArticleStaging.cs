using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>The staging table the file is copied into, before set-based statements move it into the real tables.</summary>
internal static class ArticleStaging
{
    /// <summary>
    /// A TEMP table: private to this session (concurrent imports never see each other's rows), not WAL-logged (cheaper
    /// to fill), and ON COMMIT DROP removes it with the transaction, committed or rolled back, so a pooled connection
    /// never hands it to its next user. Plain text columns: lengths were checked while parsing, with line numbers.
    /// </summary>
    public static Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, """
            CREATE TEMP TABLE article_import (
                line_number integer NOT NULL,
                id uuid NOT NULL,
                author text NOT NULL,
                title text NOT NULL,
                description text NOT NULL,
                body text NOT NULL,
                tags text[] NOT NULL,
                created_at timestamptz NOT NULL,
                base_slug text NOT NULL,
                disambiguated_slug text NOT NULL
            ) ON COMMIT DROP
            """, cancellationToken);

    /// <summary>
    /// Binary COPY: the rows stream to the server in one protocol exchange, with no statement per row to parse, plan and
    /// answer, and values in PostgreSQL's binary format, so nothing is escaped or converted from text. Rows are parsed
    /// and validated as they stream, so memory stays flat however large the file. If the source throws (a bad row),
    /// disposing the unfinished importer cancels the COPY and the caller's transaction rolls back.
    /// </summary>
    public static async Task<int> CopyAsync(
        NpgsqlConnection connection, IAsyncEnumerable<ImportedArticle> rows, Action onRowCopied, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY article_import (line_number, id, author, title, description, body, tags, created_at, base_slug, disambiguated_slug) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.LineNumber, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Author, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Title, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Description, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Body, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(row.BaseSlug, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.DisambiguatedSlug, NpgsqlDbType.Text, cancellationToken);
            count++;
            onRowCopied();
        }

        await writer.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Autovacuum never analyzes temporary tables. Without statistics the planner guesses the staging table's size and
    /// may pick nested loops over the whole file for the joins that follow; ANALYZE gives it the real row count.
    /// </summary>
    public static Task AnalyzeAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        BulkSql.ExecuteAsync(connection, "ANALYZE article_import", cancellationToken);
}
