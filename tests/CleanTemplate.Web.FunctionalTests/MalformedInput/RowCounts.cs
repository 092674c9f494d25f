using CleanTemplate.TestSupport.Postgres;
using Npgsql;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>
/// The row count of every application table: equal counts before and after mean the request wrote nothing.
/// </summary>
public static class RowCounts
{
    public static async Task<string> TakeAsync(PostgresTestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        // One round trip: query_to_xml counts each table the catalogue lists, so a new table is counted too.
        await using var command = new NpgsqlCommand(
            """
            SELECT string_agg(format('%s=%s', table_name,
                (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]),
                ',' ORDER BY table_name)
            FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
