using System.ComponentModel;
using System.Diagnostics;

namespace CleanTemplate.LocalPostgres;

/// <summary>Runs a command to completion and captures its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Tools run as another OS user fail when they cannot read the caller's working folder (e.g. /root).
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        var commandLine = string.Join(' ', [fileName, .. arguments]);
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LocalPostgresException($"Could not run '{commandLine}': {e.Message}", e);
        }

        // Both pipes are drained concurrently: a child blocked on a full stderr pipe while we read stdout would hang.
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(commandLine, process.ExitCode, await standardOutput, await standardError);
    }
}
