using System.CommandLine;
using CleanTemplate.Cli.Composition;

namespace CleanTemplate.Cli;

/// <summary>Parses the command line and runs the verb it names (see <see cref="DbCommand"/>).</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(
        string[] args,
        CliConsole console,
        CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "Database tools: migrations, schema description and drift, entity-relationship diagram.")
        {
            DbCommand.Create(console),
        };

        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Output, Error = console.Error };
        var exitCode = await parsed.InvokeAsync(invocation, cancellationToken);

        // System.CommandLine answers a parse error (unknown verb, missing argument) with 1 after printing it and the
        // help; 2 lets scripts tell a mistyped command from a failed migration or detected drift.
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
