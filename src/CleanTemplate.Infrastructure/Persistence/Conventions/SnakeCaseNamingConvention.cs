using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace CleanTemplate.Infrastructure.Persistence.Conventions;

/// <summary>
/// Names every table, column, key, foreign key and index in snake_case, the PostgreSQL idiom, so hand-written SQL
/// needs no quoting. (EFCore.NamingConventions does the same but does not restore on every machine.)
/// Explicit names in configurations are already snake_case and pass through unchanged.
/// </summary>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        var entityTypes = modelBuilder.Metadata.GetEntityTypes().ToList();

        // Tables first: the default names of keys, foreign keys and indexes are derived from them.
        foreach (var entityType in entityTypes.Where(type => type.GetTableName() is not null))
            entityType.SetTableName(ToSnakeCase(entityType.GetTableName()!));

        foreach (var entityType in entityTypes)
        {
            if (entityType.GetTableName() is not { } table)
                continue;

            var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.GetColumnName(storeObject) is { } column)
                    property.SetColumnName(ToSnakeCase(column));
            }

            foreach (var key in entityType.GetDeclaredKeys())
                key.SetName(ToSnakeCase(key.GetName()!));
            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            foreach (var index in entityType.GetDeclaredIndexes())
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
        }
    }

    /// <summary><c>UserProfile</c> → <c>user_profile</c>, <c>PK_users</c> → <c>pk_users</c>, <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (char.IsUpper(current) && i > 0 && name[i - 1] != '_')
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                    builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(current));
        }

        return builder.ToString();
    }
}
