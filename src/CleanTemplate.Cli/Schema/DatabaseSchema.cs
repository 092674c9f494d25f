namespace CleanTemplate.Cli.Schema;

/// <summary>A live database's tables as <c>db describe</c> reads them; its JSON output has this shape.</summary>
internal sealed record DatabaseSchema(IReadOnlyList<TableSchema> Tables);

internal sealed record TableSchema(
    string Schema,
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    IReadOnlyList<ConstraintSchema> Constraints,
    IReadOnlyList<IndexSchema> Indexes)
{
    public string QualifiedName => $"{Schema}.{Name}";
}

/// <param name="Ordinal">The column's number in the table; dropped columns leave gaps.</param>
/// <param name="Type">As format_type spells it: <c>character varying(64)</c>, <c>timestamp with time zone</c>.</param>
/// <param name="Default">The default expression, or how an identity or generated column gets its value.</param>
internal sealed record ColumnSchema(int Ordinal, string Name, string Type, bool Nullable, string? Default);

/// <param name="ReferencedTable">For foreign keys, the schema-qualified referenced table.</param>
/// <param name="Definition">As <c>pg_get_constraintdef</c> prints it.</param>
internal sealed record ConstraintSchema(
    string Name,
    ConstraintKind Kind,
    IReadOnlyList<string> Columns,
    string? ReferencedTable,
    IReadOnlyList<string> ReferencedColumns,
    string Definition);

/// <param name="BacksConstraint">The index a primary key, unique or exclusion constraint created for itself.</param>
/// <param name="Definition">The DDL, as <c>pg_get_indexdef</c> prints it.</param>
internal sealed record IndexSchema(string Name, bool Unique, bool BacksConstraint, string Definition);

internal enum ConstraintKind
{
    PrimaryKey,
    ForeignKey,
    Unique,
    Check,
    Exclusion,
}
