using Npgsql;
using Respawn;

namespace CleanTemplate.TestSupport.Respawn;

/// <summary>
/// Respawn's default PostgreSQL reset is one <c>TRUNCATE ... CASCADE</c>, and CASCADE also empties every table that has
/// a foreign key to one of them, ignored or not (ordered DELETEs do the same through an <c>ON DELETE CASCADE</c> key,
/// or fail on any other). This makes that loss of kept data a loud failure when the respawner is created.
/// </summary>
public static class TruncateCascadeGuard
{
    // The tables Respawn empties (those of the included schemas, less the ignored ones; an ignored name without a
    // schema matches it in every schema), then every foreign key from a table outside that set to one inside it.
    private const string Sql = """
        WITH emptied AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(@schemas)
              AND NOT EXISTS (SELECT FROM unnest(@ignoredSchemas, @ignoredNames) AS i(s, t)
                              WHERE i.t = c.relname AND (i.s = '' OR i.s = n.nspname)))
        SELECT fk.conrelid::regclass::text, fk.confrelid::regclass::text
        FROM pg_constraint fk
        WHERE fk.contype = 'f'
          AND fk.confrelid IN (SELECT oid FROM emptied) AND fk.conrelid NOT IN (SELECT oid FROM emptied)
        ORDER BY 1, 2
        """;

    public static async Task ThrowIfKeptTablesReferenceEmptiedAsync(
        NpgsqlConnection connection, RespawnerOptions options)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("schemas", options.SchemasToInclude);
        command.Parameters.AddWithValue("ignoredSchemas", options.TablesToIgnore.Select(t => t.Schema ?? "").ToArray());
        command.Parameters.AddWithValue("ignoredNames", options.TablesToIgnore.Select(t => t.Name).ToArray());
        var cascades = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                cascades.Add($"{reader.GetString(0)} (it references {reader.GetString(1)})");
        }

        if (cascades.Count > 0)
            throw new InvalidOperationException(
                "Resetting would also empty the kept table " + string.Join(", ", cascades) +
                " (TRUNCATE ... CASCADE, or ON DELETE CASCADE). Empty it too (remove it from TablesToIgnore), or " +
                "drop its foreign key to the emptied table.");
    }
}
