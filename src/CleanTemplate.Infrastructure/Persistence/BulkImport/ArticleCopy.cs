using CleanTemplate.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Binary COPY of a resolved batch straight into the real tables: no statement per row, nothing converted from text,
/// one WAL record per page rather than per row. Why: docs/decisions/0007-bulk-import-copies-into-the-tables.md.
/// </summary>
internal static class ArticleCopy
{
    private static readonly string Active = EntityStatus.Active.ToString();

    public static async Task ArticlesAsync(
        NpgsqlConnection connection,
        ImportedArticle[] batch,
        int[] authorIds,
        string[] slugs,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY articles (id, slug, title, description, body, author_id, created_at, updated_at, status, tag_names) "
            + "FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var i = 0; i < batch.Length; i++)
        {
            var row = batch[i];
            writer.StartRow();
            writer.Write(row.Id, NpgsqlDbType.Uuid);
            writer.Write(slugs[i], NpgsqlDbType.Varchar);
            writer.Write(row.Title, NpgsqlDbType.Varchar);
            writer.Write(row.Description, NpgsqlDbType.Varchar);
            writer.Write(row.Body, NpgsqlDbType.Text);
            writer.Write(authorIds[i], NpgsqlDbType.Integer);
            writer.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
            writer.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
            writer.Write(Active, NpgsqlDbType.Varchar);
            // As Article.Write keeps them: the row's tag list for reads, the links below for filters.
            writer.Write(row.Tags.Order(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// The many-to-many links, in file order, which is id order: the (article_id, tag_id) key grows at its right edge.
    /// </summary>
    public static async Task<int> LinksAsync(
        NpgsqlConnection connection,
        ImportedArticle[] batch,
        IReadOnlyDictionary<string, int> tagIds,
        CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY article_tags (article_id, tag_id, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var links = 0;
        foreach (var row in batch)
        {
            foreach (var tag in row.Tags)
            {
                writer.StartRow();
                writer.Write(row.Id, NpgsqlDbType.Uuid);
                writer.Write(tagIds[tag], NpgsqlDbType.Integer);
                writer.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
                links++;
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return links;
    }
}
