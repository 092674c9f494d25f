using System.CommandLine;
using System.Globalization;
using CleanTemplate.Cli.Composition;
using Spectre.Console;

namespace CleanTemplate.Cli.Migrations;

/// <summary>
/// <c>db history</c>: every migration, applied or pending, with when it was created and applied (UTC).
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var command = new Command("history", "List every migration, applied or pending, with when each was applied.");
        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            var table = new Table().AddColumns("migration", "created (UTC)", "state", "applied at (UTC)");
            foreach (var migration in await MigrationHistory.ReadAsync(db, cancellationToken))
            {
                table.AddRow(
                    new Text(migration.Id),
                    new Text(Format(migration.CreatedAt)),
                    new Text(State(migration)),
                    new Text(migration.IsApplied ? Format(migration.AppliedAt) : string.Empty));
            }

            context.Console.Tables.Write(table);
            return ExitCodes.Ok;
        });
    }

    private static string State(MigrationStatus migration) => (migration.IsApplied, migration.InThisBuild) switch
    {
        (true, true) => "applied",
        (true, false) => "applied, not in this build",
        _ => "pending",
    };

    // "unknown": applied by a history table that had no AppliedAt column yet.
    private static string Format(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "unknown";
}
