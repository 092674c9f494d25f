using Npgsql;
using NpgsqlTypes;

namespace CleanTemplate.TestSupport.Respawn;

/// <summary>What a reset touches, read from pg_catalog: tables ordered children-first, and their identity sequences.</summary>
internal sealed record RespawnSchema(IReadOnlyList<string> Tables, IReadOnlyList<string> OwnedSequences)
{
    private const string TablesSql = """
        SELECT c.oid, format('%I.%I', n.nspname, c.relname), n.nspname, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(@schemas) AND NOT c.relispartition
        """;

    private const string ForeignKeysSql = """
        SELECT conrelid, confrelid FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid
        """;

    // Sequences owned by a column (serial: 'a', identity: 'i') of the given tables.
    private const string SequencesSql = """
        SELECT format('%I.%I', n.nspname, s.relname)
        FROM pg_class s
        JOIN pg_namespace n ON n.oid = s.relnamespace
        JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
        WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') AND d.refobjid = ANY(@tables)
        """;

    public static async Task<RespawnSchema> ReadAsync(NpgsqlConnection connection, LocalRespawnerOptions options)
    {
        var tables = new Dictionary<uint, string>();
        await using (var command = new NpgsqlCommand(TablesSql, connection))
        {
            command.Parameters.AddWithValue("schemas", options.SchemasToInclude.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (schema, name) = (reader.GetString(2), reader.GetString(3));
                if (!options.TablesToIgnore.Contains(name) && !options.TablesToIgnore.Contains($"{schema}.{name}"))
                    tables[reader.GetFieldValue<uint>(0)] = reader.GetString(1);
            }
        }

        var references = new List<(uint Child, uint Parent)>();
        await using (var command = new NpgsqlCommand(ForeignKeysSql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                references.Add((reader.GetFieldValue<uint>(0), reader.GetFieldValue<uint>(1)));
        }

        var sequences = new List<string>();
        await using (var command = new NpgsqlCommand(SequencesSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("tables", NpgsqlDbType.Array | NpgsqlDbType.Oid) { Value = tables.Keys.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                sequences.Add(reader.GetString(0));
        }

        return new RespawnSchema(ChildrenFirst(tables, references), sequences);
    }

    /// <summary>Topological order over foreign keys among the emptied tables: a table comes after every table referencing it.</summary>
    private static List<string> ChildrenFirst(Dictionary<uint, string> tables, List<(uint Child, uint Parent)> references)
    {
        var edges = references.Where(edge => tables.ContainsKey(edge.Child) && tables.ContainsKey(edge.Parent)).Distinct().ToList();
        var ordered = new List<string>(tables.Count);
        var remaining = new HashSet<uint>(tables.Keys);
        while (remaining.Count > 0)
        {
            var unreferenced = remaining
                .Where(table => !edges.Any(edge => edge.Parent == table && remaining.Contains(edge.Child)))
                .OrderBy(table => tables[table], StringComparer.Ordinal)
                .ToList();
            if (unreferenced.Count == 0)
                throw new InvalidOperationException(
                    "Foreign keys form a cycle among " + string.Join(", ", remaining.Select(table => tables[table])) +
                    "; use ResetStrategy.Truncate for these tables.");

            foreach (var table in unreferenced)
            {
                ordered.Add(tables[table]);
                remaining.Remove(table);
            }
        }

        return ordered;
    }
}
