using System.CommandLine;
using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Cli.Schema;

/// <summary><c>db describe [--schema name] [--json]</c>: what the database holds, not what the model says.</summary>
internal static class DescribeCommand
{
    public static Command Create(VerbRunner verbs)
    {
        var schema = new Option<string?>("--schema", "-s")
        {
            Description = "Only this schema; every schema that is not PostgreSQL's own when left out.",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command(
            "describe", "Print the live database's tables, columns, constraints and indexes.") { schema, json };

        return verbs.Define(command, async (context, cancellationToken) =>
        {
            await using var db = context.Database.Connect();
            await db.Database.OpenConnectionAsync(cancellationToken);
            var only = context.Parsed.GetValue(schema);
            var described = await LiveSchemaReader.ReadAsync(
                (NpgsqlConnection)db.Database.GetDbConnection(), only is null ? null : [only], cancellationToken);

            if (context.Parsed.GetValue(json))
                await context.Console.Output.WriteLineAsync(SchemaJson.Serialize(described));
            else
                SchemaTables.Write(context.Console.Tables, described);
            return ExitCodes.Ok;
        });
    }
}
