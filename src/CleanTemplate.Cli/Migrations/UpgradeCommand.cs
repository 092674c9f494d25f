using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.Migrations;

/// <summary><c>db upgrade [target]</c>: apply pending migrations, to the latest or up to a named one.</summary>
internal static class UpgradeCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var target = new Argument<string?>("target")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The migration (id or name) to stop at; the latest when left out.",
        };
        var command = new Command("upgrade", "Apply pending migrations (creates the database if it is missing).") { target };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var id = MigrationTarget.ForUpgrade(db.Database.GetMigrations().ToList(), applied, context.Parsed.GetValue(target));
            return await MigrationRun.ToAsync(db, id, applied, context.Console, cancellationToken);
        });
    }
}
