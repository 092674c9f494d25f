using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// What an import may change, read straight from the tables: equal snapshots mean nothing was written.
/// </summary>
internal sealed record DatabaseSnapshot(long Articles, long ArticleTags, string TagNames)
{
    public static async Task<DatabaseSnapshot> TakeAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM articles),
                   (SELECT count(*) FROM article_tags),
                   (SELECT coalesce(string_agg(name, ',' ORDER BY name), '') FROM tags)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseSnapshot(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
    }
}
