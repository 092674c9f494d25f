using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace CleanTemplate.Cli.Composition;

/// <summary>
/// Gives each verb its action: the configuration and database built from the command line, and the failures a
/// database tool expects turned into an exit code and one line on standard error instead of a stack trace.
/// </summary>
internal sealed class VerbRunner(CliConsole console, Option<string?> connection)
{
    public Command Define(Command command, Func<VerbContext, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                using var database = CliDatabase.FromConfiguration(CliConfiguration.Build(parsed.GetValue(connection)));
                return await run(new VerbContext(parsed, console, database), cancellationToken);
            }
            catch (UsageException e)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
            // EF reports refusals (at upgrade, model changes no migration captures) as InvalidOperationException.
            catch (Exception e) when (e is DbException or RetryLimitExceededException or InvalidOperationException
                or TimeoutException or IOException or UnauthorizedAccessException)
            {
                var cause = e.InnerException is { } inner ? $" ({inner.Message})" : string.Empty;
                await console.Error.WriteLineAsync($"db {command.Name} failed: {e.Message}{cause}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
