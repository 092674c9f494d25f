using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.Erd;

/// <summary>
/// docs/erd.md: the EF model as a Mermaid <c>erDiagram</c> (GitHub renders it). Built from the model, not the database,
/// so it shows what the migrations create; every list is sorted, so the same model always gives the same bytes and a
/// test can tell when the file is stale.
/// </summary>
internal static partial class MermaidErd
{
    public const string GenerateCommand = "dotnet run --project src/CleanTemplate.Cli -- db erd";

    private const string Preamble = $$"""
        # Entity-relationship diagram

        <!-- Generated from the EF Core model by `{{GenerateCommand}}`. Do not edit: a test fails when this file and the model differ. -->

        Every table of the EF model with its columns: store type (spaces become `_`), name, `PK`/`FK`/`UK` (unique on its
        own), then nullability and any composite or partial (filtered) uniqueness. Relationships run from the principal
        to the table holding the foreign key, labelled with its columns: `||--o{` one-to-many, `||--||` one-to-one with
        a required dependent, `||--o|` with an optional one, `|o--` an optional (nullable) foreign key. Many-to-many
        relationships show as their join table's two one-to-many relationships.

        """;

    /// <param name="model">The design-time <c>IDesignTimeModel</c>: the runtime one lacks index filters.</param>
    public static string Render(IModel model)
    {
        var tables = model.GetRelationalModel().Tables
            .Where(table => !table.IsExcludedFromMigrations)
            .OrderBy(EntityName, StringComparer.Ordinal)
            .ToList();

        var diagram = new StringBuilder(Preamble).Append("\n```mermaid\nerDiagram\n");
        foreach (var table in tables)
        {
            diagram.Append("    ").Append(EntityName(table)).Append(" {\n");
            foreach (var attribute in ErdAttributes.Lines(table))
                diagram.Append("        ").Append(attribute).Append('\n');
            diagram.Append("    }\n");
        }

        foreach (var relationship in tables.SelectMany(ErdRelationships.Lines).Order(StringComparer.Ordinal))
            diagram.Append("    ").Append(relationship).Append('\n');
        return diagram.Append("```\n").ToString();
    }

    /// <summary>
    /// The table name, schema-qualified and quoted when it has a schema (Mermaid names are one plain word otherwise).
    /// </summary>
    public static string EntityName(ITable table)
    {
        var name = table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";
        return PlainName().IsMatch(name) ? name : $"\"{name}\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainName();
}
