using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>What one bounded load run measured from the client's side.</summary>
internal sealed record LoadResult(
    long Requests,
    TimeSpan Elapsed,
    double P50Milliseconds,
    double P99Milliseconds,
    long Failed,
    string FailureDetail = "")
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Drives one URL with a fixed number of connections for a fixed time: wrk when it is on PATH
/// (<c>apt-get install wrk</c>), else a closed loop of HttpClient requests in this process, which costs the machine
/// more CPU of its own and so measures lower rates; the ratios stay comparable because both apps get the same load.
/// </summary>
internal sealed partial class LoadGenerator(int connections, TimeSpan duration)
{
    public static string? WrkPath { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Select(folder => Path.Combine(folder, "wrk")).FirstOrDefault(File.Exists);

    public string Describe() => WrkPath is null
        ? $"HttpClient closed loop (wrk not found), {connections} connections, {duration.TotalSeconds:F0} s"
        : $"wrk -t2 -c{connections} -d{duration.TotalSeconds:F0}s --latency";

    public Task<LoadResult> RunAsync(Uri url, string? authorization) =>
        WrkPath is { } wrk ? RunWrkAsync(wrk, url, authorization) : RunClosedLoopAsync(url, authorization);

    private async Task<LoadResult> RunWrkAsync(string wrk, Uri url, string? authorization)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{duration.TotalSeconds:F0}s", "--latency" };
        if (authorization is not null)
            arguments.AddRange(["-H", $"Authorization: {authorization}"]);
        arguments.Add(url.ToString());

        var (exitCode, output, error) = await ChildProcess.RunToEndAsync(wrk, arguments);
        if (exitCode != 0 || RequestsLine().Match(output) is not { Success: true } requests)
            throw new InvalidOperationException($"wrk failed ({exitCode}):\n{output}{error}");

        var failed = NonSuccessLine().Match(output) is { Success: true } nonSuccess
            ? long.Parse(nonSuccess.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;
        failed += ErrorsLine().Match(output) is { Success: true } errors
            ? errors.Groups.Values.Skip(1).Sum(group => long.Parse(group.Value, CultureInfo.InvariantCulture))
            : 0;
        // Which failures: answers other than 2xx/3xx, or wrk's socket errors (its timeouts are 2 s without an answer).
        var detail = string.Join("; ", new[] { NonSuccessLine().Match(output), ErrorsLine().Match(output) }
            .Where(match => match.Success)
            .Select(match => match.Value));
        return new LoadResult(
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            Duration(requests.Groups[2].Value),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            failed,
            detail);
    }

    private async Task<LoadResult> RunClosedLoopAsync(Uri url, string? authorization)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false };
        using var client = new HttpClient(handler);
        if (authorization is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var failed = 0L;

        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                    Interlocked.Increment(ref failed);
            }

            return latencies;
        }).ToList();

        var all = (await Task.WhenAll(workers)).SelectMany(latencies => latencies).Order().ToList();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadResult(
            all.Count, elapsed, At(all, 0.50), At(all, 0.99), failed, $"{failed} answers other than 200");

        static double At(List<double> sorted, double fraction) =>
            sorted.Count == 0
                ? double.NaN
                : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(fraction * (sorted.Count - 1)))];
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(
            output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        return match.Success ? Milliseconds(match.Groups[1].Value, match.Groups[2].Value) : double.NaN;
    }

    private static TimeSpan Duration(string text) => TimeSpan.FromMilliseconds(Milliseconds(
        text.TrimEnd('s', 'm', 'u'),
        text.EndsWith("ms", StringComparison.Ordinal) ? "ms" : text.EndsWith('m') ? "m" : "s"));

    private static double Milliseconds(string number, string unit) =>
        double.Parse(number, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => throw new FormatException($"unknown wrk unit {unit}"),
    };

    [GeneratedRegex(@"^\s*(\d+) requests in ([\d.]+\w+),", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex ErrorsLine();
}
