using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.Erd;

/// <summary>
/// A table's columns as Mermaid attribute lines: <c>character_varying(256) email UK "not null"</c>. Primary-key columns
/// come first in key order, then the rest by name. UK marks a column unique on its own; uniqueness that is composite
/// or partial (a filtered index) is spelled out in the comment, because UK alone would claim more than is true.
/// </summary>
internal static partial class ErdAttributes
{
    public static IEnumerable<string> Lines(ITable table)
    {
        var primaryKey = table.PrimaryKey?.Columns ?? [];
        var foreignKeyColumns = table.ForeignKeyConstraints.SelectMany(key => key.Columns).ToHashSet();
        var uniques = table.Indexes
            .Where(index => index.IsUnique)
            .Select(index => (index.Columns, index.Filter))
            .Concat(table.UniqueConstraints
                .Where(key => !key.GetIsPrimaryKey())
                .Select(key => (key.Columns, Filter: (string?)null)))
            .ToList();

        return primaryKey
            .Concat(table.Columns.Except(primaryKey).OrderBy(column => column.Name, StringComparer.Ordinal))
            .Select(column =>
            {
                var unique = uniques.Where(entry => entry.Columns.Contains(column)).ToList();
                var ownKey = unique.Any(entry => entry.Columns.Count == 1 && entry.Filter is null);
                string[] keys =
                [
                    .. Mark(primaryKey.Contains(column), "PK"),
                    .. Mark(foreignKeyColumns.Contains(column), "FK"),
                    .. Mark(ownKey, "UK"),
                ];
                string[] notes =
                [
                    column.IsNullable ? "null" : "not null",
                    .. unique
                        .Where(entry => entry.Columns.Count > 1 || entry.Filter is not null)
                        .Select(entry => Uniqueness(entry.Columns, entry.Filter)),
                ];
                var keyText = keys.Length == 0 ? string.Empty : " " + string.Join(", ", keys);
                return $"{TypeToken(column.StoreType)} {column.Name}{keyText} \"{string.Join("; ", notes)}\"";
            });
    }

    private static IEnumerable<string> Mark(bool condition, string key) => condition ? [key] : [];

    // Mermaid comments cannot hold double quotes; the identifiers they quote read the same without them.
    private static string Uniqueness(IReadOnlyList<IColumn> columns, string? filter) =>
        "unique" + (columns.Count > 1 ? $" ({string.Join(", ", columns.Select(column => column.Name))})" : string.Empty)
        + (filter is null ? string.Empty : $" where {filter.Replace("\"", string.Empty, StringComparison.Ordinal)}");

    // A Mermaid attribute type is one word of letters, digits, '_', '-', '(', ')', '[' and ']':
    // "character varying(64)" becomes "character_varying(64)", "numeric(10,2)" becomes "numeric(10_2)".
    private static string TypeToken(string storeType) => NotInTypeWord().Replace(storeType, "_");

    [GeneratedRegex(@"[^A-Za-z0-9_\-\(\)\[\]]")]
    private static partial Regex NotInTypeWord();
}
