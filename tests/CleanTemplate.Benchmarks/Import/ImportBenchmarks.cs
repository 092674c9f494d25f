using System.Diagnostics;
using System.Globalization;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.Benchmarks.Import;

/// <summary>
/// Articles per second from the same generated articles into empty tables: the bulk import (batches resolved
/// set-based, then binary COPY into the tables) against EF Core's AddRange + SaveChanges of the same articles with
/// their tags, parsed and validated by the same JSON reader. The import reads the JSON file as the superuser, which may
/// turn row triggers off, and as a role that may not, whose foreign keys are checked row by row; and the same articles
/// as a CSV file, as the superuser, to measure the CSV reader. Steady state, as in a long-running host: each path
/// keeps its own database and connection pool across runs, and every run starts from tables emptied by Respawn's
/// TRUNCATE (`TestRespawner.Truncating()`), with the same 50 authors.
/// </summary>
internal static class ImportBenchmarks
{
    private const int WarmUpRows = 1_000;
    private const int WarmUpRuns = 60;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(PostgresTestServer server, IReadOnlyList<int> sizes)
    {
        var results = new List<Measurement>();
        var table = new List<string>();
        var superuser = server.Server.ConnectionString("postgres").ConnectionString;
        // A role with the table privileges an importer needs and nothing more: it may not turn row triggers off.
        await using var plainRole = await LoginRole.CreateAsync(superuser);
        await using var setBased = await ImportPath.CreateAsync(
            server, "COPY, foreign keys set-based", ">= 10x EF", ArticleLoaders.CopyJsonAsync);
        await using var csv = await ImportPath.CreateAsync(
            server, "COPY from CSV, foreign keys set-based", ">= 10x EF", ArticleLoaders.CopyCsvAsync);
        await using var rowTriggers = await ImportPath.CreateAsync(
            server, "COPY, foreign-key row triggers", "-", ArticleLoaders.CopyJsonAsync, async database =>
        {
            const string grant = "GRANT SELECT, INSERT, UPDATE ON users, tags, articles, article_tags TO {0}";
            await plainRole.GrantAsync(database.ConnectionString, grant);
            return plainRole.ConnectionString(database.ConnectionString);
        });
        await using var entityFramework = await ImportPath.CreateAsync(
            server, "EF AddRange + SaveChanges", "-", ArticleLoaders.EntityFrameworkAsync);
        ImportPath[] paths = [setBased, csv, rowTriggers, entityFramework];

        // The first runs in a process pay for JIT and for growing the heap, on every path: untimed runs first, small
        // and many, so that even a method called once per import is called often enough to reach its final tier
        // (tiered compilation recompiles after 30 calls, and again once it has profiled them) before anything is timed.
        await using (var warmUp = await ImportFile.WriteAsync(WarmUpRows))
        {
            for (var run = 0; run < WarmUpRuns; run++)
            {
                foreach (var path in paths)
                    await RunOnceAsync(path, warmUp);
            }
        }

        foreach (var size in sizes)
        {
            // The runs of the paths take turns, so a machine that slows down for a while slows all of them. Short
            // runs scatter most (one round's ratio at 10k ranged over 2x on the build machine): more of them.
            var runs = size <= 10_000 ? 15 : 3;
            await using var file = await ImportFile.WriteAsync(size);
            var samples = paths.Select(_ => new List<double>(runs)).ToArray();
            for (var run = 0; run < runs; run++)
            {
                for (var p = 0; p < paths.Length; p++)
                {
                    var (elapsed, detail) = await RunOnceAsync(paths[p], file);
                    samples[p].Add(elapsed.TotalMilliseconds);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  import {size:N0} articles, {paths[p].Name}: {elapsed.TotalSeconds:F2} s{detail}"));
                }
            }

            var measured = paths
                .Select((path, p) => new Measurement(
                    $"import {size:N0} articles: {path.Name}", samples[p], path.Target))
                .ToArray();
            results.AddRange(measured);
            table.Add(TableRow(size, measured, runs, file));
        }

        PrintTable(table);
        return results;
    }

    private static async Task<(TimeSpan Elapsed, string Detail)> RunOnceAsync(ImportPath path, ImportFile file)
    {
        await path.EmptyAsync();
        // Each run starts from a collected heap, not with the garbage of the run before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var started = Stopwatch.GetTimestamp();
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var detail = await path.Import(path.DataSource, file);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var pausedMilliseconds = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
        detail += string.Create(CultureInfo.InvariantCulture,
            $"  [GC: {GC.CollectionCount(0) - collections} collections, paused {pausedMilliseconds:F0} ms]");
        await file.VerifyWrittenAsync(path.Database);
        return (elapsed, detail);
    }

    /// <summary>One size: each COPY path's rows per second and ratio to EF (the last path), then EF's.</summary>
    private static string TableRow(int size, Measurement[] measured, int runs, ImportFile file)
    {
        var ef = measured[^1];
        var copies = string.Concat(measured[..^1].Select(copy => string.Create(CultureInfo.InvariantCulture,
            $" {RowsPerSecond(size, copy),12:N0} {ef.Median / copy.Median,6:F1}x")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{size,10:N0}{copies} {RowsPerSecond(size, ef),12:N0}   (median of {runs}; {file.Describe()})");
    }

    private static void PrintTable(List<string> rows)
    {
        Console.WriteLine();
        string[] columns = ["COPY, set-based FKs", "COPY CSV, set-based", "COPY, FK row triggers"];
        var columnNames = string.Concat(columns.Select(name => $" {name,20}"));
        Console.WriteLine($"{"",10}{columnNames} {"EF",12}   target: COPY >= 10x EF");
        var copyUnits = string.Concat(Enumerable.Repeat($" {"rows/s",12} {"vs EF",7}", 3));
        Console.WriteLine($"{"articles",10}{copyUnits} {"rows/s",12}");
        rows.ForEach(Console.WriteLine);
    }

    private static double RowsPerSecond(int size, Measurement measurement) => size / (measurement.Median / 1000);
}
