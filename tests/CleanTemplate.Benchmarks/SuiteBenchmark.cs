using System.Diagnostics;

namespace CleanTemplate.Benchmarks;

/// <summary>The test suite's wall time, as `dotnet test --no-build` of the solution (built first, untimed).</summary>
internal static class SuiteBenchmark
{
    public static async Task<Measurement?> RunAsync(string solutionDirectory)
    {
        if (await RunAsync(solutionDirectory, "build", "--nologo", "-v", "q") != 0)
            return null;

        var started = Stopwatch.GetTimestamp();
        var exitCode = await RunAsync(solutionDirectory, "test", "--no-build", "--nologo", "-v", "q");
        var elapsed = Stopwatch.GetElapsedTime(started);
        var name = exitCode == 0
            ? "whole suite: dotnet test --no-build"
            : "whole suite (FAILED): dotnet test --no-build";
        return Measurement.Once(name, elapsed, "-");
    }

    private static async Task<int> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
