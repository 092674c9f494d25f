using System.CommandLine;
using CleanTemplate.Cli.Composition;

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
        var command = new Command(
            "upgrade", "Apply pending migrations (creates the database if it is missing).") { target };

        return verbs.Define(command, (context, cancellationToken) => MigrationRun.ToAsync(
            context,
            (known, applied) => MigrationTarget.ForUpgrade(known, applied, context.Parsed.GetValue(target)),
            cancellationToken));
    }
}
