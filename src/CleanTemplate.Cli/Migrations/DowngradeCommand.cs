using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.Migrations;

/// <summary><c>db downgrade &lt;target|-1|0&gt;</c>: revert migrations by running their Down methods.</summary>
internal static class DowngradeCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var target = new Argument<string>("target")
        {
            Description = "The applied migration (id or name) to go back to; -1 for the one before the last; 0 for none (drops every migrated table).",
        };
        var command = new Command("downgrade", "Revert applied migrations. Down methods can drop data: back it up first.") { target };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var id = MigrationTarget.ForDowngrade(db.Database.GetMigrations().ToList(), applied, context.Parsed.GetRequiredValue(target));
            return await MigrationRun.ToAsync(db, id, applied, context.Console, cancellationToken);
        });
    }
}
