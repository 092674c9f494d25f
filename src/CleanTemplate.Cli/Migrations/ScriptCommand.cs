using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanTemplate.Cli.Migrations;

/// <summary>
/// <c>db script [from] [to]</c>: the SQL of the migrations, idempotent (each one guarded by a history-table check),
/// for a DBA to review and run on any database whatever it already has. Needs no database.
/// </summary>
internal static class ScriptCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var from = new Argument<string?>("from")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The migration (id or name) the database is already at; 0 or left out for the beginning.",
        };
        var to = new Argument<string?>("to")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The last migration to include; the latest when left out.",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the script to this file instead of standard output.",
        };
        var command = new Command("script", "Print the idempotent SQL script of the migrations.") { from, to, output };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.ModelOnly();
            var known = db.Database.GetMigrations().ToList();
            var fromId = context.Parsed.GetValue(from) is { } start and not "0"
                ? MigrationTarget.Find(known, start)
                : null;
            var toId = context.Parsed.GetValue(to) is { } end ? MigrationTarget.Find(known, end) : null;

            var script = db.GetService<IMigrator>()
                .GenerateScript(fromId, toId, MigrationsSqlGenerationOptions.Idempotent);
            if (context.Parsed.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file.FullName, script, cancellationToken);
            else
                await context.Console.Output.WriteAsync(script);
            return ExitCodes.Ok;
        });
    }
}
