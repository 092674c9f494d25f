using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Cli.Erd;

/// <summary>
/// A table's foreign keys as Mermaid relationship lines, principal on the left, labelled with the foreign-key columns:
/// <c>users ||--o{ follows : "follower_id"</c>. So a table referencing another twice (follows: follower and followed)
/// shows two lines, and a many-to-many relationship shows as its join table's two one-to-many relationships.
/// </summary>
internal static class ErdRelationships
{
    public static IEnumerable<string> Lines(ITable table) =>
        table.ForeignKeyConstraints.Select(constraint =>
        {
            var foreignKey = constraint.MappedForeignKeys.First();
            var columns = string.Join(", ", constraint.Columns.Select(column => column.Name));
            return $"{MermaidErd.EntityName(constraint.PrincipalTable)} "
                + $"{PrincipalEnd(foreignKey)}--{DependentEnd(foreignKey)} "
                + $"{MermaidErd.EntityName(table)} : \"{columns}\"";
        });

    /// <summary>How many principals a dependent row has: exactly one (required foreign key) or zero or one.</summary>
    private static string PrincipalEnd(IForeignKey foreignKey) => foreignKey.IsRequired ? "||" : "|o";

    /// <summary>
    /// How many dependents a principal row has: many, or for a unique foreign key (one-to-one, including the shared
    /// primary key of users/user_profiles) exactly one when the dependent is required, else zero or one.
    /// </summary>
    private static string DependentEnd(IForeignKey foreignKey) =>
        !foreignKey.IsUnique ? "o{" : foreignKey.IsRequiredDependent ? "||" : "o|";
}
