using CleanTemplate.Benchmarks;
using CleanTemplate.TestSupport.Postgres;

// Prints what the test harness and the bulk import cost on this machine. Figures, not assertions: see README, "Benchmarks".
//   dotnet run -c Release --project tests/CleanTemplate.Benchmarks [-- [--no-suite] [--no-import] [--only harness|import] [--import-rows 10000,100000]]
var only = ValueOf("--only");
var runHarness = only is null or "harness";
var runImport = only is null or "import" && !args.Contains("--no-import");
var runSuite = only is null && !args.Contains("--no-suite");
var importSizes = ValueOf("--import-rows")?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 100_000];

var server = await PostgresTestServer.StartAsync(PostgresServerProviders.Default, CancellationToken.None);
Console.WriteLine($"server: {server.Server.Description}");
var results = new List<Measurement>();
if (runHarness)
    results.AddRange(await HarnessBenchmarks.RunAsync(server));
if (runImport)
    results.AddRange(await ImportBenchmarks.RunAsync(server, importSizes));

if (runSuite)
{
    var solutionDirectory = FindSolutionDirectory();
    Console.WriteLine($"timing the whole suite in {solutionDirectory} ...");
    if (await SuiteBenchmark.RunAsync(solutionDirectory) is { } suite)
        results.Add(suite);
}

Console.WriteLine();
Console.WriteLine($"CleanTemplate benchmark ({Environment.ProcessorCount} cores, {Environment.OSVersion})");
foreach (var result in results)
    Console.WriteLine(result.Format());
return 0;

string? ValueOf(string option)
{
    var index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string FindSolutionDirectory()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && directory.GetFiles("*.sln").Length == 0)
        directory = directory.Parent;
    return directory?.FullName ?? Environment.CurrentDirectory;
}
