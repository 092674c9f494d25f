using System.CommandLine;
using CleanTemplate.Cli.Composition;
using CleanTemplate.Cli.Erd;
using CleanTemplate.Cli.Events;
//#if (conduit)
using CleanTemplate.Cli.Import;
//#endif
using CleanTemplate.Cli.Migrations;
using CleanTemplate.Cli.Schema;

namespace CleanTemplate.Cli;

/// <summary>The <c>db</c> command and its verbs; <c>--connection</c> applies to all of them.</summary>
internal static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = "Npgsql connection string; overrides ConnectionStrings:Database (appsettings.json, or the "
                + "ConnectionStrings__Database variable, which keeps the password out of the process list).",
            Recursive = true,
        };
        var verbs = new VerbRunner(console, connection);

        var db = new Command("db", "Migrate, inspect and document the database.") { connection };
        Command[] commands =
        [
            UpgradeCommand.Create(verbs),
            DowngradeCommand.Create(verbs),
            HistoryCommand.Create(verbs),
            CurrentCommand.Create(verbs),
            ScriptCommand.Create(verbs),
            CheckCommand.Create(verbs),
            ErdCommand.Create(verbs),
            DescribeCommand.Create(verbs),
            DriftCommand.Create(verbs),
            EventsCommand.Create(verbs),
            //#if (conduit)
            ImportArticlesCommand.Create(verbs),
            //#endif
        ];
        foreach (var command in commands)
            db.Subcommands.Add(command);
        return db;
    }
}
