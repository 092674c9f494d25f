using CleanTemplate.Benchmarks;

// Prints what the test harness costs on this machine. Figures, not assertions: see README, "Benchmarks".
//   dotnet run -c Release --project tests/CleanTemplate.Benchmarks [-- --no-suite]
var results = new List<Measurement>(await HarnessBenchmarks.RunAsync());

if (!args.Contains("--no-suite"))
{
    var solutionDirectory = FindSolutionDirectory();
    Console.WriteLine($"timing the whole suite in {solutionDirectory} ...");
    if (await SuiteBenchmark.RunAsync(solutionDirectory) is { } suite)
        results.Add(suite);
}

Console.WriteLine();
Console.WriteLine($"CleanTemplate harness benchmark ({Environment.ProcessorCount} cores, {Environment.OSVersion})");
foreach (var result in results)
    Console.WriteLine(result.Format());
return 0;

static string FindSolutionDirectory()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && directory.GetFiles("*.sln").Length == 0)
        directory = directory.Parent;
    return directory?.FullName ?? Environment.CurrentDirectory;
}
