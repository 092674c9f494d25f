using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace CleanTemplate.Infrastructure.Persistence.MigrationHistory;

/// <summary>
/// EF Core's <c>__EFMigrationsHistory</c> with one more column, <c>AppliedAt</c>, filled by the server
/// (<c>DEFAULT now()</c>, the start of the migration's transaction). EF records which migrations ran but not when;
/// a column of the history table itself is written by every path that migrates (the host's <c>--migrate</c>, the
/// <c>db</c> CLI, <c>dotnet ef database update</c>, bundles, idempotent scripts), which a table written by one tool
/// would not be. EF's insert names only its own two columns, so older history tables without the column keep working.
/// </summary>
#pragma warning disable EF1001 // Npgsql's history repository is "internal" API; deriving from it is how EF documents customising the history table.
internal sealed class TimestampedHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    public const string AppliedAtColumn = "AppliedAt";

    /// <summary>EF's default name; the model does not change it.</summary>
    public const string HistoryTable = DefaultTableName;

    protected override void ConfigureTable(EntityTypeBuilder<HistoryRow> history)
    {
        base.ConfigureTable(history);
        // EF's own names, stated: the snake_case convention would otherwise rename the history table's columns.
        history.HasKey(row => row.MigrationId).HasName($"PK_{HistoryTable}");
        history.Property(row => row.MigrationId).HasColumnName(nameof(HistoryRow.MigrationId));
        history.Property(row => row.ProductVersion).HasColumnName(nameof(HistoryRow.ProductVersion));
        history.Property<DateTimeOffset>(AppliedAtColumn)
            .HasColumnName(AppliedAtColumn)
            .HasColumnType("timestamp with time zone")
            .HasDefaultValueSql("now()");
    }
}
