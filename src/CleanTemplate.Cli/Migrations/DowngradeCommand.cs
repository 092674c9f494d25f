using System.CommandLine;
using CleanTemplate.Cli.Composition;

namespace CleanTemplate.Cli.Migrations;

/// <summary><c>db downgrade &lt;target|-1|0&gt;</c>: revert migrations by running their Down methods.</summary>
internal static class DowngradeCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var target = new Argument<string>("target")
        {
            Description = "The applied migration (id or name) to go back to; -1 for the one before the last; "
                + "0 for none (drops every migrated table).",
        };
        var command = new Command(
            "downgrade", "Revert applied migrations. Down methods can drop data: back it up first.") { target };

        return verbs.Define(command, (context, cancellationToken) => MigrationRun.ToAsync(
            context,
            (known, applied) => MigrationTarget.ForDowngrade(known, applied, context.Parsed.GetRequiredValue(target)),
            cancellationToken));
    }
}
