using System.Globalization;
using CleanTemplate.Benchmarks;
//#if (conduit)
using CleanTemplate.Benchmarks.Api;
using CleanTemplate.Benchmarks.Import;
//#endif
using CleanTemplate.TestSupport.Postgres;

// Prints what the test harness, the bulk import and the API's read hot path cost on this machine. Figures, not
// assertions: see README, "Benchmarks".
//   dotnet run -c Release --project tests/CleanTemplate.Benchmarks [-- [--no-suite] [--no-import] [--no-api]
//     [--only harness|import|api] [--import-rows 10000,100000]
//     [--api-pairs 3] [--api-seconds 15] [--api-connections 32] [--api-profile DIR] [--api-no-variants]]
var only = ValueOf("--only");
var runHarness = only is null or "harness";
var runSuite = only is null && !args.Contains("--no-suite");
var solutionDirectory = FindSolutionDirectory();
var results = new List<Measurement>();
//#if (conduit)
var runImport = only is null or "import" && !args.Contains("--no-import");
var runApi = only is null or "api" && !args.Contains("--no-api");
var importSizes = ValueOf("--import-rows")?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 100_000];
var apiOptions = new ApiBenchmarkOptions(
    Pairs: int.Parse(ValueOf("--api-pairs") ?? "3", CultureInfo.InvariantCulture),
    Duration: TimeSpan.FromSeconds(int.Parse(ValueOf("--api-seconds") ?? "15", CultureInfo.InvariantCulture)),
    WarmUp: TimeSpan.FromSeconds(5),
    Connections: int.Parse(ValueOf("--api-connections") ?? "32", CultureInfo.InvariantCulture),
    ProfileFolder: ValueOf("--api-profile") is { } profile ? Path.GetFullPath(profile) : null,
    Variants: !args.Contains("--api-no-variants"));

// The API part starts its own server with default durability, so it runs before the tests' server starts.
IReadOnlyList<string> apiRows = runApi ? await ApiBenchmark.RunAsync(solutionDirectory, apiOptions) : [];
if (only == "api")
{
    PrintSummary();
    return 0;
}
//#endif

var server = await PostgresTestServer.StartAsync(PostgresServerProviders.Default, CancellationToken.None);
Console.WriteLine($"server: {server.Server.Description}");
if (runHarness)
    results.AddRange(await HarnessBenchmarks.RunAsync(server));
//#if (conduit)
if (runImport)
    results.AddRange(await ImportBenchmarks.RunAsync(server, importSizes));
//#endif

if (runSuite)
{
    Console.WriteLine($"timing the whole suite in {solutionDirectory} ...");
    if (await SuiteBenchmark.RunAsync(solutionDirectory) is { } suite)
        results.Add(suite);
}

PrintSummary();
return 0;

void PrintSummary()
{
    Console.WriteLine();
    Console.WriteLine($"CleanTemplate benchmark ({Environment.ProcessorCount} cores, {Environment.OSVersion})");
    foreach (var result in results)
        Console.WriteLine(result.Format());
    //#if (conduit)
    foreach (var row in apiRows)
        Console.WriteLine(row);
    //#endif
}

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindSolutionDirectory()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && directory.GetFiles("*.slnx").Length == 0)
        directory = directory.Parent;
    return directory?.FullName ?? Environment.CurrentDirectory;
}
