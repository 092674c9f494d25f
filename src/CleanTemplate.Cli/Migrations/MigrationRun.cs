using CleanTemplate.Cli.Composition;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanTemplate.Cli.Migrations;

/// <summary>Migrates up or down to a target and says what changed.</summary>
internal static class MigrationRun
{
    /// <summary>
    /// EF takes its migration lock (a <c>LOCK TABLE</c> on the history table, PostgreSQL) before reading what is
    /// applied, so a second migrator started at the same time waits, then finds nothing left to do.
    /// </summary>
    public static async Task<int> ToAsync(
        ApplicationDbContext db, string target, IReadOnlyList<string> appliedBefore, CliConsole console, CancellationToken cancellationToken)
    {
        await db.GetService<IMigrator>().MigrateAsync(target, cancellationToken);
        var appliedAfter = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();

        var applied = appliedAfter.Except(appliedBefore, StringComparer.Ordinal).ToList();
        var reverted = appliedBefore.Except(appliedAfter, StringComparer.Ordinal).Reverse().ToList();
        foreach (var id in applied)
            await console.Output.WriteLineAsync($"Applied  {id}");
        foreach (var id in reverted)
            await console.Output.WriteLineAsync($"Reverted {id}");
        if (applied.Count == 0 && reverted.Count == 0)
            await console.Output.WriteLineAsync("Nothing to do.");
        await console.Output.WriteLineAsync($"Current: {Describe(appliedAfter)}");
        return ExitCodes.Ok;
    }

    /// <summary>The last applied migration, or "none" for an empty history.</summary>
    public static string Describe(IReadOnlyList<string> applied) => applied.Count == 0 ? "none" : applied[^1];
}
