using CleanTemplate.Cli;
using CleanTemplate.Cli.Composition;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Cli.IntegrationTests.Support;

/// <summary>Runs the CLI in-process, exactly as its Main does, and keeps what it wrote.</summary>
internal static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, new CliConsole(output, error, isTerminal: false));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>db &lt;verb&gt; ... --connection &lt;database&gt;</c>.</summary>
    public static Task<CliResult> DbAsync(PostgresTestDatabase database, params string[] verb) =>
        RunAsync(["db", .. verb, "--connection", database.ConnectionString]);

    /// <summary>The schema as <c>db describe --json</c> prints it, checking the command succeeded.</summary>
    public static async Task<string> DescribeJsonAsync(PostgresTestDatabase database)
    {
        var described = await DbAsync(database, "describe", "--json");
        described.ShouldSucceed();
        return described.Output;
    }
}
