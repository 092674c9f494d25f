using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.Migrations;

/// <summary><c>db current</c>: the last applied migration first (for scripts), then what is pending.</summary>
internal static class CurrentCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var command = new Command("current", "Print the last applied migration and count the pending ones.");
        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

            await context.Console.Output.WriteLineAsync(MigrationRun.Describe(applied));
            await context.Console.Output.WriteLineAsync(
                pending.Count == 0 ? "Up to date." : $"{pending.Count} pending: {string.Join(", ", pending)}");
            return ExitCodes.Ok;
        });
    }
}
