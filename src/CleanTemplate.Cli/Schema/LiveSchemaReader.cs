using CleanTemplate.Cli.Composition;
using Npgsql;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// Reads tables, columns, constraints and indexes from <c>information_schema</c> and <c>pg_catalog</c>, one query
/// each, the schemas passed as a parameter. Output is sorted, so two reads of the same schema are equal.
/// </summary>
internal static class LiveSchemaReader
{
    private const string UserSchemasSql = """
        SELECT nspname FROM pg_catalog.pg_namespace
        WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\_%'
        """;

    private const string TablesSql = """
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema = ANY(@schemas)
        """;

    // format_type keeps lengths and precisions (character varying(64)) that information_schema splits into columns.
    private const string ColumnsSql = """
        SELECT c.table_schema, c.table_name, c.ordinal_position::int, c.column_name,
               pg_catalog.format_type(a.atttypid, a.atttypmod), c.is_nullable = 'YES',
               CASE WHEN c.is_identity = 'YES' THEN 'generated ' || lower(c.identity_generation) || ' as identity'
                    WHEN c.is_generated = 'ALWAYS' THEN 'generated always as (' || c.generation_expression || ') stored'
                    ELSE c.column_default END
        FROM information_schema.columns c
        JOIN pg_catalog.pg_attribute a
          ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
        WHERE c.table_schema = ANY(@schemas)
        """;

    // contype 'n' (NOT NULL, PostgreSQL 18) is left out: nullability is a column property here, as in EF.
    private const string ConstraintsSql = """
        SELECT n.nspname, t.relname, c.conname, c.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.position),
               CASE WHEN c.contype = 'f' THEN rn.nspname || '.' || r.relname END,
               ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.position),
               pg_catalog.pg_get_constraintdef(c.oid)
        FROM pg_catalog.pg_constraint c
        JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_catalog.pg_class r ON r.oid = c.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
        WHERE n.nspname = ANY(@schemas) AND c.contype IN ('p', 'f', 'u', 'c', 'x')
        """;

    private const string IndexesSql = """
        SELECT n.nspname, t.relname, i.relname, x.indisunique,
               EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c
                       WHERE c.conrelid = x.indrelid AND c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x')),
               pg_catalog.pg_get_indexdef(x.indexrelid)
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ANY(@schemas)
        """;

    /// <summary>
    /// The tables of <paramref name="schemas"/>, or of every schema that is not PostgreSQL's own when it is null.
    /// </summary>
    public static async Task<DatabaseSchema> ReadAsync(
        NpgsqlConnection connection,
        IReadOnlyList<string>? schemas,
        CancellationToken cancellationToken)
    {
        var names = schemas?.ToArray()
            ?? [.. await QueryAsync(connection, UserSchemasSql, null, row => row.GetString(0), cancellationToken)];
        var tables = await QueryAsync(
            connection, TablesSql, names, row => (Schema: row.GetString(0), Name: row.GetString(1)), cancellationToken);
        var columns = (await QueryAsync(connection, ColumnsSql, names, row => (
                Table: Key(row),
                Column: new ColumnSchema(
                    row.GetInt32(2),
                    row.GetString(3),
                    row.GetString(4),
                    row.GetBoolean(5),
                    row.IsDBNull(6) ? null : row.GetString(6))), cancellationToken))
            .ToLookup(entry => entry.Table, entry => entry.Column);
        var constraints = (await QueryAsync(connection, ConstraintsSql, names, row => (
                Table: Key(row),
                Constraint: new ConstraintSchema(
                    row.GetString(2),
                    Kind(row.GetString(3)),
                    row.GetFieldValue<string[]>(4),
                    row.IsDBNull(5) ? null : row.GetString(5),
                    row.GetFieldValue<string[]>(6),
                    row.GetString(7))), cancellationToken))
            .ToLookup(entry => entry.Table, entry => entry.Constraint);
        var indexes = (await QueryAsync(connection, IndexesSql, names, row => (Table: Key(row), Index: new IndexSchema(
                row.GetString(2), row.GetBoolean(3), row.GetBoolean(4), row.GetString(5))), cancellationToken))
            .ToLookup(entry => entry.Table, entry => entry.Index);

        return new DatabaseSchema(tables
            .OrderBy(table => table.Schema, StringComparer.Ordinal).ThenBy(table => table.Name, StringComparer.Ordinal)
            .Select(table => Assemble(table.Schema, table.Name))
            .ToList());

        TableSchema Assemble(string schema, string name)
        {
            var key = $"{schema}.{name}";
            return new TableSchema(
                schema,
                name,
                [.. columns[key].OrderBy(column => column.Ordinal)],
                [.. constraints[key].OrderBy(constraint => constraint.Name, StringComparer.Ordinal)],
                [.. indexes[key].OrderBy(index => index.Name, StringComparer.Ordinal)]);
        }
    }

    /// <summary>The schema unqualified names resolve to (the first existing one on the search_path).</summary>
    public static async Task<string> CurrentSchemaAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_schema()", connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new UsageException("No schema on the search_path exists: check Database:SearchPath.");
    }

    private static string Key(NpgsqlDataReader row) => $"{row.GetString(0)}.{row.GetString(1)}";

    private static ConstraintKind Kind(string contype) => contype switch
    {
        "p" => ConstraintKind.PrimaryKey,
        "f" => ConstraintKind.ForeignKey,
        "u" => ConstraintKind.Unique,
        "c" => ConstraintKind.Check,
        _ => ConstraintKind.Exclusion,
    };

    private static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection,
        string sql,
        string[]? schemas,
        Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (schemas is not null)
            command.Parameters.AddWithValue("schemas", schemas);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(map(reader));
        return rows;
    }
}
