using CleanTemplate.Infrastructure.Persistence;
using History = CleanTemplate.Infrastructure.Persistence.MigrationHistory.TimestampedHistoryRepository;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Cli.Migrations;

/// <summary>
/// Every migration this build has and every one the database has applied, in order, with when each was applied.
/// </summary>
internal static class MigrationHistory
{
    // The history table and its columns are EF's fixed names (quoted: they are not snake_case); values are parameters.
    private const string HasAppliedAtSql = """
        SELECT EXISTS (
            SELECT 1 FROM pg_catalog.pg_attribute
            WHERE attrelid = to_regclass(quote_ident(@table)) AND attname = @column AND NOT attisdropped)
        """;

    private const string AppliedAtSql = $"""
        SELECT "MigrationId", "{History.AppliedAtColumn}" FROM "{History.HistoryTable}"
        """;

    public static async Task<IReadOnlyList<MigrationStatus>> ReadAsync(
        ApplicationDbContext db,
        CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        // Nothing applied also covers a database that does not exist yet (`db upgrade` creates it): no query to make.
        var appliedAt = applied.Count == 0 ? [] : await ReadAppliedAtAsync(db, cancellationToken);

        return known.Union(applied, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new MigrationStatus(
                id,
                IsApplied: applied.Contains(id, StringComparer.Ordinal),
                InThisBuild: known.Contains(id, StringComparer.Ordinal),
                AppliedAt: appliedAt.TryGetValue(id, out var at) ? at : null))
            .ToList();
    }

    /// <summary>Empty when the history table is missing or predates its AppliedAt column.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> ReadAppliedAtAsync(
        ApplicationDbContext db,
        CancellationToken cancellationToken)
    {
        var appliedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        await using (var check = new NpgsqlCommand(HasAppliedAtSql, connection))
        {
            check.Parameters.AddWithValue("table", History.HistoryTable);
            check.Parameters.AddWithValue("column", History.AppliedAtColumn);
            if (await check.ExecuteScalarAsync(cancellationToken) is not true)
                return appliedAt;
        }

        await using var read = new NpgsqlCommand(AppliedAtSql, connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            appliedAt[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        return appliedAt;
    }
}
