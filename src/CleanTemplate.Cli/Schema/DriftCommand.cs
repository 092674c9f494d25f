using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Spectre.Console;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// <c>db drift</c>: exit 1 and list the differences when the live database is not what the migrations make.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var command = new Command("drift", "Compare the live database with the EF model; exit 1 on any difference.");
        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            var findings = await SchemaDrift.DetectAsync(db, cancellationToken);
            if (findings.Count == 0)
            {
                await context.Console.Output.WriteLineAsync("No drift: the database matches the model.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("kind", "name", "problem", "details");
            foreach (var finding in findings)
            {
                table.AddRow(
                    new Text(finding.Kind),
                    new Text(finding.Name),
                    new Text(finding.Problem),
                    new Text(finding.Details));
            }
            context.Console.Tables.Write(table);
            await context.Console.Error.WriteLineAsync(
                $"{findings.Count} difference(s). Bring the database back with a migration "
                + "(or `db downgrade`/`db upgrade`), not by hand.");
            return ExitCodes.Failure;
        });
    }
}
