using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// The objects of one table that <c>db drift</c> compares, by name, each with what must match on both sides: a column's
/// type and nullability, an index's uniqueness, a constraint's kind (and a foreign key's target).
/// </summary>
internal sealed record TableObjects(
    string Table,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string> Indexes,
    IReadOnlyDictionary<string, string> Constraints)
{
    private static readonly HashSet<string> SystemColumns = ["tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"];

    /// <summary>
    /// What the migrations create: the EF model's tables (<paramref name="defaultSchema"/> for those without one).
    /// </summary>
    public static IReadOnlyList<TableObjects> FromModel(IRelationalModel model, string defaultSchema) =>
        model.Tables.Where(table => !table.IsExcludedFromMigrations).Select(table => new TableObjects(
            Qualified(table.Schema ?? defaultSchema, table.Name),
            // System columns such as xmin (a row version) are mapped by the model but exist in every table implicitly.
            table.Columns.Where(column => !SystemColumns.Contains(column.Name))
                .ToDictionary(column => column.Name, column => Column(column.StoreType, column.IsNullable)),
            table.Indexes.ToDictionary(index => index.Name, index => Index(index.IsUnique)),
            ModelConstraints(table, defaultSchema).ToDictionary())).ToList();

    /// <summary>What the database holds; indexes that only back a constraint count as that constraint.</summary>
    public static IReadOnlyList<TableObjects> FromDatabase(DatabaseSchema schema) =>
        schema.Tables.Select(table => new TableObjects(
            table.QualifiedName,
            table.Columns.ToDictionary(column => column.Name, column => Column(column.Type, column.Nullable)),
            table.Indexes
                .Where(index => !index.BacksConstraint)
                .ToDictionary(index => index.Name, index => Index(index.Unique)),
            table.Constraints.ToDictionary(constraint => constraint.Name, constraint => constraint.Kind switch
            {
                ConstraintKind.PrimaryKey => "primary key",
                ConstraintKind.ForeignKey => ForeignKey(constraint.ReferencedTable!, constraint.ReferencedColumns),
                ConstraintKind.Unique => "unique",
                ConstraintKind.Check => "check",
                _ => "exclusion",
            }))).ToList();

    private static IEnumerable<KeyValuePair<string, string>> ModelConstraints(ITable table, string defaultSchema)
    {
        if (table.PrimaryKey is { } primaryKey)
            yield return new(primaryKey.Name, "primary key");
        foreach (var unique in table.UniqueConstraints.Where(key => !key.GetIsPrimaryKey()))
            yield return new(unique.Name, "unique");
        foreach (var foreignKey in table.ForeignKeyConstraints)
        {
            var principalTable = foreignKey.PrincipalTable;
            var principal = Qualified(principalTable.Schema ?? defaultSchema, principalTable.Name);
            var columns = foreignKey.PrincipalColumns.Select(column => column.Name);
            yield return new(foreignKey.Name, ForeignKey(principal, columns));
        }

        foreach (var check in table.CheckConstraints)
        {
            if (check.Name is { } name)
                yield return new(name, "check");
        }
    }

    private static string Qualified(string schema, string table) => $"{schema}.{table}";

    private static string Column(string storeType, bool nullable) =>
        string.Create(
            CultureInfo.InvariantCulture, $"{StoreTypes.Normalize(storeType)} {(nullable ? "null" : "not null")}");

    private static string Index(bool unique) => unique ? "unique" : "not unique";

    private static string ForeignKey(string table, IEnumerable<string> columns) =>
        $"foreign key to {table}({string.Join(", ", columns)})";
}
