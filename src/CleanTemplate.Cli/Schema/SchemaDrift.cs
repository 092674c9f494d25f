using CleanTemplate.Infrastructure.Persistence.MigrationHistory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// Compares the live database with the EF model: tables, columns (type, nullability), indexes by name, and primary key,
/// foreign key, unique and check constraints by name. Someone's hand-made index, a hotfix column, a migration edited
/// after it ran: whatever the migrations would not have produced.
/// </summary>
internal static class SchemaDrift
{
    public static async Task<IReadOnlyList<DriftFinding>> DetectAsync(DbContext db, CancellationToken cancellationToken)
    {
        // The design-time model keeps what the runtime model drops (index filters, check constraints, comments).
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var defaultSchema = model.Model.GetDefaultSchema()
            ?? await LiveSchemaReader.CurrentSchemaAsync(connection, cancellationToken);

        var schemas = model.Tables
            .Select(table => table.Schema ?? defaultSchema)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var live = await LiveSchemaReader.ReadAsync(connection, schemas, cancellationToken);
        var migrated = live with
        {
            Tables =
            [
                .. live.Tables.Where(table =>
                    !(table.Schema == defaultSchema && table.Name == TimestampedHistoryRepository.HistoryTable)),
            ],
        };

        return Compare(TableObjects.FromModel(model, defaultSchema), TableObjects.FromDatabase(migrated));
    }

    private static List<DriftFinding> Compare(IReadOnlyList<TableObjects> model, IReadOnlyList<TableObjects> database)
    {
        var findings = new List<DriftFinding>();
        var expected = model.ToDictionary(table => table.Table, StringComparer.Ordinal);
        var actual = database.ToDictionary(table => table.Table, StringComparer.Ordinal);
        foreach (var name in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(name, out var found))
                findings.Add(new DriftFinding("table", name, "only in the model", "missing from the database"));
            else if (!expected.TryGetValue(name, out var wanted))
                findings.Add(new DriftFinding("table", name, "only in the database", "not created by any migration"));
            else
            {
                findings.AddRange(Compare("column", name, wanted.Columns, found.Columns));
                findings.AddRange(Compare("index", name, wanted.Indexes, found.Indexes));
                findings.AddRange(Compare("constraint", name, wanted.Constraints, found.Constraints));
            }
        }

        return findings;
    }

    private static IEnumerable<DriftFinding> Compare(
        string kind,
        string table,
        IReadOnlyDictionary<string, string> model,
        IReadOnlyDictionary<string, string> database)
    {
        foreach (var name in model.Keys.Union(database.Keys).Order(StringComparer.Ordinal))
        {
            var inModel = model.TryGetValue(name, out var expected);
            var inDatabase = database.TryGetValue(name, out var actual);
            if (!inDatabase)
                yield return new DriftFinding(kind, $"{table}.{name}", "only in the model", expected!);
            else if (!inModel)
                yield return new DriftFinding(kind, $"{table}.{name}", "only in the database", actual!);
            else if (expected != actual)
                yield return new DriftFinding(
                    kind, $"{table}.{name}", "differs", $"model: {expected}; database: {actual}");
        }
    }
}
