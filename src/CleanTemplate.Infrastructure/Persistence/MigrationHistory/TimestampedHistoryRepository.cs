using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace CleanTemplate.Infrastructure.Persistence.MigrationHistory;

/// <summary>
/// EF Core's <c>__EFMigrationsHistory</c> with one more column, <c>AppliedAt</c>, which the server fills, and a real
/// check that the table exists (<see cref="ExistsSql"/>). Why: docs/migration-history.md.
/// </summary>
#pragma warning disable EF1001 // "internal" API, but deriving from it is EF's documented way to customise the table
internal sealed class TimestampedHistoryRepository(HistoryRepositoryDependencies dependencies)
    : NpgsqlHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    public const string AppliedAtColumn = "AppliedAt";

    /// <summary>EF's default name; the model does not change it.</summary>
    public const string HistoryTable = DefaultTableName;

    /// <summary>
    /// to_regclass resolves the name through search_path as the read does, and is NULL for a missing table; Npgsql's
    /// own check reads and catches the error, which a first migration logged as failed (docs/migration-history.md).
    /// </summary>
    protected override string ExistsSql
    {
        get
        {
            var table = SqlGenerationHelper.DelimitIdentifier(TableName, TableSchema);
            var literal = Dependencies.TypeMappingSource.GetMapping(typeof(string)).GenerateSqlLiteral(table);
            return $"SELECT to_regclass({literal}) IS NOT NULL";
        }
    }

    // EF's own check (the database first, then ExistsSql), which Npgsql's override replaces with "true".
    public override bool Exists() =>
        Dependencies.DatabaseCreator.Exists()
        && Dependencies.RawSqlCommandBuilder.Build(ExistsSql).ExecuteScalar(ExistsCommandParameters()) is true;

    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await Dependencies.DatabaseCreator.ExistsAsync(cancellationToken)
        && await Dependencies.RawSqlCommandBuilder
            .Build(ExistsSql)
            .ExecuteScalarAsync(ExistsCommandParameters(), cancellationToken) is true;

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

    private RelationalCommandParameterObject ExistsCommandParameters() => new(
        Dependencies.Connection,
        null,
        null,
        Dependencies.CurrentContext.Context,
        Dependencies.CommandLogger,
        CommandSource.Migrations);
}
