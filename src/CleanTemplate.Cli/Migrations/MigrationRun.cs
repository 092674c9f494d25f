using CleanTemplate.Cli.Composition;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanTemplate.Cli.Migrations;

/// <summary>What <c>db upgrade</c> and <c>db downgrade</c> share: migrate to a target and say what changed.</summary>
internal static class MigrationRun
{
    /// <summary>
    /// Migrates to the id <paramref name="chooseTarget"/> picks from the known and applied migrations, holding the
    /// <see cref="MigrationLock"/> from reading what is applied to the end, so a second migrator started at the same
    /// time waits, then finds nothing left to do.
    /// </summary>
    public static async Task<int> ToAsync(
        VerbContext context,
        Func<IReadOnlyList<string>, IReadOnlyList<string>, string> chooseTarget,
        CancellationToken cancellationToken)
    {
        await using var db = context.Database.Connect();
        var (appliedBefore, appliedAfter) = await MigrationLock.RunExclusiveAsync(db, async () =>
        {
            var before = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var target = chooseTarget(db.Database.GetMigrations().ToList(), before);
            await db.GetService<IMigrator>().MigrateAsync(target, cancellationToken);
            return (before, (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList());
        }, cancellationToken);

        var output = context.Console.Output;
        var applied = appliedAfter.Except(appliedBefore, StringComparer.Ordinal).ToList();
        var reverted = appliedBefore.Except(appliedAfter, StringComparer.Ordinal).Reverse().ToList();
        foreach (var id in applied)
            await output.WriteLineAsync($"Applied  {id}");
        foreach (var id in reverted)
            await output.WriteLineAsync($"Reverted {id}");
        if (applied.Count == 0 && reverted.Count == 0)
            await output.WriteLineAsync("Nothing to do.");
        await output.WriteLineAsync($"Current: {Describe(appliedAfter)}");
        return ExitCodes.Ok;
    }

    /// <summary>The last applied migration, or "none" for an empty history.</summary>
    public static string Describe(IReadOnlyList<string> applied) => applied.Count == 0 ? "none" : applied[^1];
}
