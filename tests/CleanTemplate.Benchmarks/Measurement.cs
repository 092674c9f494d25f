using System.Diagnostics;
using System.Globalization;

namespace CleanTemplate.Benchmarks;

/// <summary>Times an operation repeatedly after a warm-up and summarises the distribution.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds, string Target)
{
    public double Median => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public static async Task<Measurement> RunAsync(
        string name,
        string target,
        int iterations,
        Func<Task> operation,
        Func<Task>? between = null)
    {
        for (var i = 0; i < Math.Min(5, iterations); i++)
        {
            await operation();
            if (between is not null)
                await between();
        }

        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (between is not null)
                await between();
        }

        return new Measurement(name, samples, target);
    }

    public static Measurement Once(string name, TimeSpan elapsed, string target) =>
        new(name, [elapsed.TotalMilliseconds], target);

    public string Format() => Milliseconds.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Name,-52} {Milliseconds[0],10:F1} ms {"",22} target {Target}")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{Name,-52} {Median,10:F2} ms median, p95 {P95,8:F2} ms  target {Target}  (n={Milliseconds.Count})");

    private double Percentile(double fraction)
    {
        var sorted = Milliseconds.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(fraction * (sorted.Count - 1)))];
    }
}
