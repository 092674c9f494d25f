using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.LocalPostgres;
using Npgsql;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>
/// The read hot path of the published API against <c>tests/CleanTemplate.Benchmarks.RawApi</c>, a hand-written Npgsql
/// endpoint serving the same bytes, on one PostgreSQL server with default durability and the same data. First check:
/// both answer every measured request with identical bodies and headers. Then, per endpoint, warm-up runs of both,
/// and <see cref="ApiBenchmarkOptions.Pairs"/> pairs of load runs taking turns (which app goes first alternates), so a
/// machine that slows down for a while slows both. Figures as ratios: these machines are noisy. See README, Benchmarks.
/// </summary>
internal static class ApiBenchmark
{
    private const string ViewerName = "benchmark-viewer";

    public static async Task<IReadOnlyList<string>> RunAsync(string solutionDirectory, ApiBenchmarkOptions options)
    {
        var work = Path.Combine(Path.GetTempPath(), $"cleantemplate-api-benchmark-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var apiDll = await ServedApp.PublishAsync(
            Path.Combine(solutionDirectory, "src/CleanTemplate.Web/CleanTemplate.Web.csproj"),
            Path.Combine(work, "api"));
        var rawDll = await ServedApp.PublishAsync(
            Path.Combine(
                solutionDirectory, "tests/CleanTemplate.Benchmarks.RawApi/CleanTemplate.Benchmarks.RawApi.csproj"),
            Path.Combine(work, "raw"));

        // Default durability (fsync, synchronous_commit, full_page_writes on), not the tests' tuning.
        await using var cluster =
            await LocalPostgresCluster.StartAsync(LocalPostgresOptions.ForTests() with { TunedForTests = false });
        await using (var admin = NpgsqlDataSource.Create(cluster.AdminConnectionString()))
            await admin.CreateCommand("CREATE DATABASE conduit").ExecuteNonQueryAsync();
        var connectionString = cluster.AdminConnectionString("conduit");

        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = connectionString,
            ["Jwt__SigningKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Every request comes from one address: the login and registration limits would refuse the viewer's set-up.
            ["RateLimiting__Enabled"] = "false",
        };
        if (options.ProfileFolder is not null)
        {
            Directory.CreateDirectory(options.ProfileFolder);
            // perf names JIT-compiled frames from /tmp/perf-<pid>.map. Without ReadyToRun code every frame is
            // JIT-compiled, and without W^X it runs where the map says, not from an anonymous double mapping.
            environment["DOTNET_PerfMapEnabled"] = "1";
            environment["DOTNET_ReadyToRun"] = "0";
            environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        await ServedApp.RunOnceAsync(apiDll, environment, "--migrate");
        await using var api = await ServedApp.StartAsync("api", apiDll, environment, "/health/ready", work);
        var token = await RegisterViewerAsync(api.Address);
        var slug = await ApiDataSet.SeedAsync(connectionString, ViewerName);
        // The reference uses the connection settings the API adds to its connection string, prepared statements too.
        var rawEnvironment = new Dictionary<string, string>(environment)
        {
            ["ConnectionStrings__Database"] = DatabaseConnectionString.Build(connectionString, new DatabaseOptions()),
        };
        await using var raw = await ServedApp.StartAsync("raw", rawDll, rawEnvironment, $"/api/articles/{slug}", work);

        List<Endpoint> endpoints =
        [
            new("GET /api/articles?limit=20 anonymous", "/api/articles?limit=20", null),
            new("GET /api/articles/{slug}", $"/api/articles/{slug}", null),
            new("GET /api/articles?limit=20 signed in", "/api/articles?limit=20", $"Token {token}"),
        ];
        foreach (var endpoint in endpoints)
            await EnsureSameBytesAsync(endpoint, api, raw);
        Console.WriteLine("both apps answer every measured request with the same bytes (bodies and headers but Date)");

        var load = new LoadGenerator(options.Connections, options.Duration);
        var warmUp = new LoadGenerator(options.Connections, options.WarmUp);
        Console.WriteLine(
            $"load: {load.Describe()}; {options.Pairs} pairs per endpoint after two rounds of " +
            $"{options.WarmUp.TotalSeconds:F0} s of warm-up per endpoint and app");
        var postmaster = cluster.ServerProcessId
            ?? throw new InvalidOperationException("the PostgreSQL server is not running");

        // Two rounds through every endpoint before any is measured: until then tiered JIT is still compiling, and
        // methods shared by the endpoints would bill their final compilations to whichever endpoint runs first.
        for (var round = 0; round < 2; round++)
        {
            foreach (var endpoint in endpoints)
            {
                foreach (var app in new[] { api, raw })
                    await warmUp.RunAsync(new Uri(app.Address, endpoint.Path), endpoint.Authorization);
            }
        }

        var rows = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pairs = await MeasurePairsAsync(
                load, endpoint, api, raw, postmaster, options, profiledEndpoint: endpoints.IndexOf(endpoint));
            rows.Add(Summarise(endpoint, pairs));
        }

        var direct = new Baseline(apiDll, environment, work, endpoints, api, warmUp, load, postmaster, options);
        var variants = options.Variants ? await VariantsAsync(cluster, direct) : [];
        Directory.Delete(work, recursive: true);
        return
        [
            $"API against the raw-Npgsql reference ({load.Describe()}, {options.Pairs} pairs, medians; " +
                "ratio = this API's req/s / raw's, median of the pairs (min-max)):",
            "| endpoint | this API | raw Npgsql | ratio | CPU ms/req api/raw (db api/raw) | alloc KB/req api/raw |",
            "|---|---|---|---|---|---|",
            .. rows,
            .. variants,
        ];
    }

    // The same API through PgBouncer, with a standby taking its reads, and without OpenTelemetry, each against the API
    // direct; a comparison that failed says why instead of its table.
    private static async Task<List<string>> VariantsAsync(LocalPostgresCluster cluster, Baseline direct)
    {
        List<string> pooler;
        try
        {
            pooler = LocalPgBouncer.NotInstalled is { } missing
                ? [$"The API through PgBouncer was not measured. {missing}"]
                : await ThroughPgBouncerAsync(direct);
        }
        catch (Exception failed) when (failed is InvalidOperationException or LocalPostgresException)
        {
            // Failed requests (wrk counts its 2 s timeouts among them) void the comparison, not the table above.
            pooler = [$"The API through PgBouncer was not measured: {failed.Message}."];
        }

        List<string> replica;
        try
        {
            replica = await WithStandbyAsync(cluster, direct);
        }
        catch (Exception failed) when (failed is InvalidOperationException or LocalPostgresException)
        {
            replica = [$"The API with a standby taking the reads was not measured: {failed.Message}."];
        }

        List<string> telemetry;
        try
        {
            telemetry = await WithoutTelemetryAsync(direct);
        }
        catch (Exception failed) when (failed is InvalidOperationException)
        {
            telemetry = [$"The API without OpenTelemetry was not measured: {failed.Message}."];
        }

        return ["", .. pooler, "", .. replica, "", .. telemetry];
    }

    // What OpenTelemetry costs as the API ships (instrumentation on, no exporter configured, so spans not recorded):
    // the API with Telemetry:Enabled=false against it, on all three reads.
    private static Task<List<string>> WithoutTelemetryAsync(Baseline shipped) =>
        ListsAgainstDirectAsync(
            "no-otel",
            new() { ["Telemetry__Enabled"] = "false" },
            "The API without OpenTelemetry against the API as it ships (tracing and metrics on, no exporter) "
                + "(ratio = without / with: 1.05 means tracing costs 5% of the throughput):",
            "| endpoint | without OpenTelemetry | as shipped | ratio | CPU ms/req without/with (db) | alloc KB/req |",
            shipped,
            allReads: true);

    // The same API through a PgBouncer in transaction mode (so without prepared statements) against the API direct,
    // on the two lists: what the pooler costs on the hot path when the server is not the bottleneck.
    private static async Task<List<string>> ThroughPgBouncerAsync(Baseline direct)
    {
        var connectionString = direct.Environment["ConnectionStrings__Database"];
        await using var bouncer = await LocalPgBouncer.StartAsync(connectionString);
        return await ListsAgainstDirectAsync(
            "pgbouncer",
            new()
            {
                ["ConnectionStrings__Database"] = bouncer.Route(connectionString),
                ["ConnectionStrings__DatabaseDirect"] = connectionString,
                ["Database__TransactionPooler"] = "true",
            },
            "The API through PgBouncer 1.18 (transaction mode: no prepared statements) against the API direct "
                + "(ratio = through PgBouncer / direct):",
            "| endpoint | through PgBouncer | direct | ratio | CPU ms/req pgbouncer/direct (db) | alloc KB/req |",
            direct);
    }

    // The same API with a streaming standby of the server taking its reads (ConnectionStrings:DatabaseReplicas)
    // against the API on the primary alone, on the two lists. The standby shares the two cores with everything else.
    private static async Task<List<string>> WithStandbyAsync(LocalPostgresCluster primary, Baseline alone)
    {
        await using var standby = await primary.StartStandbyAsync();
        return await ListsAgainstDirectAsync(
            "standby",
            new() { ["ConnectionStrings__DatabaseReplicas"] = standby.AdminConnectionString("conduit") },
            "The API with one streaming standby taking the reads against the API on the primary alone "
                + "(ratio = with the standby / primary alone; db CPU is the primary's only):",
            "| endpoint | with a standby | primary alone | ratio | CPU ms/req standby/alone (db) | alloc KB/req |",
            alone);
    }

    // A third app, the API with these settings over the direct one's, answering the lists (or all three reads) with
    // the same bytes; it starts after the others' warm-up, so it gets as many rounds as they had in all; then pairs
    // against the direct.
    private static async Task<List<string>> ListsAgainstDirectAsync(
        string name,
        Dictionary<string, string> settings,
        string title,
        string columns,
        Baseline direct,
        bool allReads = false)
    {
        var environment = new Dictionary<string, string>(direct.Environment);
        foreach (var (key, value) in settings)
            environment[key] = value;
        await using var variant =
            await ServedApp.StartAsync(name, direct.ApiDll, environment, "/health/ready", direct.Work);
        var lists = direct.Endpoints
            .Where(endpoint => allReads || endpoint.Path.StartsWith("/api/articles?", StringComparison.Ordinal))
            .ToList();
        foreach (var endpoint in lists)
            await EnsureSameBytesAsync(endpoint, variant, direct.App);
        for (var round = 0; round < 3; round++)
        {
            foreach (var endpoint in lists)
                await direct.WarmUp.RunAsync(new Uri(variant.Address, endpoint.Path), endpoint.Authorization);
        }

        List<string> rows = [title, columns, "|---|---|---|---|---|---|"];
        foreach (var endpoint in lists)
        {
            var pairs = await MeasurePairsAsync(
                direct.Load, endpoint, variant, direct.App, direct.Postmaster, direct.Options);
            rows.Add(Summarise(endpoint, pairs));
        }

        return rows;
    }

    // Pairs of runs of the two apps taking turns, which goes first alternating; printed as they finish.
    private static async Task<List<(AppRun Api, AppRun Raw)>> MeasurePairsAsync(
        LoadGenerator load,
        Endpoint endpoint,
        ServedApp first,
        ServedApp second,
        int postmaster,
        ApiBenchmarkOptions options,
        int? profiledEndpoint = null)
    {
        var pairs = new List<(AppRun Api, AppRun Raw)>();
        for (var pair = 0; pair < options.Pairs; pair++)
        {
            var order = pair % 2 == 0 ? new[] { first, second } : [second, first];
            var runs = new Dictionary<ServedApp, AppRun>();
            foreach (var app in order)
            {
                var profile = app == first && profiledEndpoint is { } index && options.ProfileFolder is { } folder
                    ? Perf.RecordAsync(
                        app.ProcessId, Path.Combine(folder, $"{index}-{pair}.perf.data"), options.Duration)
                    : Task.CompletedTask;
                runs[app] = await MeasureAsync(load, app, endpoint, postmaster);
                await profile;
            }

            pairs.Add((runs[first], runs[second]));
            Console.WriteLine($"{endpoint.Name}, pair {pair + 1}: {runs[first].Format(first.Name)}");
            var ratio = runs[first].RequestsPerSecond / runs[second].RequestsPerSecond;
            Console.WriteLine($"{"",-38}         {runs[second].Format(second.Name)}  ratio {ratio:F2}");
        }

        return pairs;
    }

    private static async Task<string> RegisterViewerAsync(Uri api)
    {
        using var client = new HttpClient { BaseAddress = api };
        var registration =
            new { user = new { username = ViewerName, email = "viewer@example.com", password = "benchmark-password" } };
        using var response = await client.PostAsJsonAsync("/api/users", registration);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("user").GetProperty("token").GetString()!;
    }

    private static async Task EnsureSameBytesAsync(Endpoint endpoint, ServedApp api, ServedApp raw)
    {
        var (apiHeaders, apiBody) = await FetchAsync(api, endpoint);
        var (rawHeaders, rawBody) = await FetchAsync(raw, endpoint);
        if (apiHeaders == rawHeaders && apiBody.AsSpan().SequenceEqual(rawBody))
            return;

        var firstDifference = apiBody.AsSpan().CommonPrefixLength(rawBody);
        throw new InvalidOperationException(
            $"""
            {endpoint.Name}: {raw.Name} does not answer the same bytes as {api.Name}, so the figures would not compare.
            (The raw reference mirrors the API's JSON and headers in tests/CleanTemplate.Benchmarks.RawApi.)
            headers, {api.Name}:
            {apiHeaders}
            headers, {raw.Name}:
            {rawHeaders}
            bodies ({apiBody.Length} and {rawBody.Length} bytes) first differ at byte {firstDifference}:
            {api.Name}: ...{Excerpt(apiBody, firstDifference)}
            {raw.Name}: ...{Excerpt(rawBody, firstDifference)}
            """);

        static string Excerpt(byte[] body, int at)
        {
            var start = Math.Max(0, at - 60);
            return Encoding.UTF8.GetString(body, start, Math.Min(body.Length, at + 60) - start);
        }
    }

    private static async Task<(string Headers, byte[] Body)> FetchAsync(ServedApp app, Endpoint endpoint)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Path);
        if (endpoint.Authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", endpoint.Authorization);
        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(header => header.Key != "Date")
            .Select(header => $"  {header.Key}: {string.Join(", ", header.Value)}")
            .Order(StringComparer.Ordinal);
        var head = $"  status {(int)response.StatusCode}\n" + string.Join('\n', headers);
        return (head, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<AppRun> MeasureAsync(LoadGenerator load, ServedApp app, Endpoint endpoint, int postmaster)
    {
        var before = await app.ReadCountersAsync();
        var serverBefore = ServerCpu.Read(postmaster);
        var result = await load.RunAsync(new Uri(app.Address, endpoint.Path), endpoint.Authorization);
        var serverAfter = ServerCpu.Read(postmaster);
        var spent = await app.ReadCountersAsync() - before;
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(
                $"{app.Name}: {result.Failed} of {result.Requests} requests to {endpoint.Path} failed "
                + $"({result.FailureDetail})");
        }
        return new AppRun(result, spent, serverAfter - serverBefore);
    }

    private static string Summarise(Endpoint endpoint, List<(AppRun Api, AppRun Raw)> pairs)
    {
        var ratios = pairs.Select(pair => pair.Api.RequestsPerSecond / pair.Raw.RequestsPerSecond).Order().ToList();
        var api = pairs.Select(pair => pair.Api).ToList();
        var raw = pairs.Select(pair => pair.Raw).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| `{endpoint.Name}` | {Median(api, run => run.RequestsPerSecond):F0} req/s, " +
            $"p50 {Median(api, run => run.Load.P50Milliseconds):F1} ms, " +
            $"p99 {Median(api, run => run.Load.P99Milliseconds):F1} ms " +
            $"| {Median(raw, run => run.RequestsPerSecond):F0} req/s, " +
            $"p50 {Median(raw, run => run.Load.P50Milliseconds):F1} ms, " +
            $"p99 {Median(raw, run => run.Load.P99Milliseconds):F1} ms " +
            $"| **{Median(ratios):F2}** ({ratios[0]:F2}-{ratios[^1]:F2}) " +
            $"| {Median(api, run => run.CpuMillisecondsPerRequest):F2} / " +
            $"{Median(raw, run => run.CpuMillisecondsPerRequest):F2} " +
            $"({Median(api, run => run.ServerCpuMillisecondsPerRequest):F2} / " +
            $"{Median(raw, run => run.ServerCpuMillisecondsPerRequest):F2}) " +
            $"| {Median(api, run => run.KilobytesPerRequest):F1} / {Median(raw, run => run.KilobytesPerRequest):F1} |");
    }

    private static double Median<T>(IEnumerable<T> items, Func<T, double> value) =>
        Median(items.Select(value).Order().ToList());

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private sealed record Endpoint(string Name, string Path, string? Authorization);

    // The API as first measured, and what a variant of it needs to be measured against it.
    private sealed record Baseline(
        string ApiDll,
        Dictionary<string, string> Environment,
        string Work,
        List<Endpoint> Endpoints,
        ServedApp App,
        LoadGenerator WarmUp,
        LoadGenerator Load,
        int Postmaster,
        ApiBenchmarkOptions Options);

    private sealed record AppRun(LoadResult Load, ProcessCounters Spent, TimeSpan ServerCpu)
    {
        public double RequestsPerSecond => Load.RequestsPerSecond;

        public double CpuMillisecondsPerRequest => Spent.Cpu.TotalMilliseconds / Load.Requests;

        public double ServerCpuMillisecondsPerRequest => ServerCpu.TotalMilliseconds / Load.Requests;

        public double KilobytesPerRequest => Spent.AllocatedBytes / 1024.0 / Load.Requests;

        public string Format(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{name} {RequestsPerSecond,7:F0} req/s, " +
            $"p50 {Load.P50Milliseconds,6:F1} ms, p99 {Load.P99Milliseconds,6:F1} ms, " +
            $"CPU {CpuMillisecondsPerRequest:F2} ms/req (db {ServerCpuMillisecondsPerRequest:F2}), " +
            $"{KilobytesPerRequest,6:F1} KB/req, " +
            $"JIT {Spent.JitMethods * 1000.0 / Load.Requests:F1} methods/1k req, gen0 {Spent.Gen0Collections}");
    }
}

/// <summary>The API benchmark's knobs: <c>--api-pairs</c>, <c>--api-seconds</c>, <c>--api-connections</c>.</summary>
/// <param name="ProfileFolder">When set (<c>--api-profile DIR</c>), <c>perf record</c> samples the API during its runs
/// into DIR; read with <c>perf report -i DIR/0-0.perf.data</c>. The sampling costs CPU, so the figures of such a run
/// are lower.</param>
/// <param name="Variants">False (<c>--api-no-variants</c>): only the table against the raw reference, without the
/// PgBouncer, standby and OpenTelemetry comparisons.</param>
internal sealed record ApiBenchmarkOptions(
    int Pairs,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int Connections,
    string? ProfileFolder,
    bool Variants = true);

/// <summary>Linux <c>perf</c>, for the profile of a run (<c>apt-get install linux-perf</c>).</summary>
internal static class Perf
{
    public static async Task RecordAsync(int processId, string output, TimeSpan duration)
    {
        var arguments = new[]
        {
            "record", "-F", "999", "-g", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", output,
            "--", "sleep", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        await ChildProcess.RunToEndAsync("perf", arguments);
    }
}
