using Spectre.Console;

namespace CleanTemplate.Cli.Schema;

/// <summary><c>db describe</c> for people: per table, aligned tables of its columns, constraints and indexes.</summary>
internal static class SchemaTables
{
    public static void Write(IAnsiConsole console, DatabaseSchema schema)
    {
        if (schema.Tables.Count == 0)
            console.WriteLine("No tables.");

        foreach (var table in schema.Tables)
        {
            console.WriteLine(table.QualifiedName);
            console.Write(Columns(table));
            if (table.Constraints.Count > 0)
                console.Write(Constraints(table));
            if (table.Indexes.Count > 0)
                console.Write(Indexes(table));
            console.WriteLine();
        }
    }

    private static Table Columns(TableSchema table) =>
        Rows(
            new Table()
                .AddColumn(new TableColumn("#").RightAligned())
                .AddColumns("column", "type", "nullable", "default"),
            table.Columns.Select(column => new[]
            {
                $"{column.Ordinal}",
                column.Name,
                column.Type,
                column.Nullable ? "yes" : "no",
                column.Default ?? string.Empty,
            }));

    private static Table Constraints(TableSchema table) =>
        Rows(new Table().AddColumns("constraint", "kind", "columns", "definition"),
            table.Constraints.Select(constraint => new[]
            {
                constraint.Name,
                Describe(constraint.Kind),
                string.Join(", ", constraint.Columns),
                constraint.Definition,
            }));

    private static Table Indexes(TableSchema table) =>
        Rows(new Table().AddColumns("index", "unique", "definition"),
            table.Indexes.Select(index => new[] { index.Name, index.Unique ? "yes" : "no", index.Definition }));

    // Text cells, not markup: names and SQL may hold '[' and ']'.
    private static Table Rows(Table table, IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
            table.AddRow(row.Select(cell => new Text(cell)));
        return table;
    }

    private static string Describe(ConstraintKind kind) => kind switch
    {
        ConstraintKind.PrimaryKey => "primary key",
        ConstraintKind.ForeignKey => "foreign key",
        ConstraintKind.Unique => "unique",
        ConstraintKind.Check => "check",
        _ => "exclusion",
    };
}
