using System.Diagnostics;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>The programs the API benchmark runs: the apps it serves, dotnet publish, wrk and perf.</summary>
internal static class ChildProcess
{
    /// <summary>Both output pipes redirected: the caller must drain them (<see cref="RunToEndAsync"/> does).</summary>
    public static ProcessStartInfo StartInfo(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return start;
    }

    /// <summary>
    /// Runs <paramref name="file"/> to its end. Both pipes are drained at once: a child blocked writing to a full
    /// stderr pipe while its stdout is read would never exit.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(file, arguments, environment, workingDirectory))
            ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
