using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// The built Web app in a process of its own (<c>dotnet CleanTemplate.Web.dll</c>), as a deployment runs it: no test
/// host, configuration from its content root and the environment only, Kestrel on a free loopback port. The
/// <see cref="StartupHook"/> records every assembly the process loads.
/// </summary>
internal sealed partial class WebAppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _loadedAssembliesFile;

    private WebAppProcess(Process process, ConcurrentQueue<string> output, string loadedAssembliesFile, Uri address)
    {
        _process = process;
        _output = output;
        _loadedAssembliesFile = loadedAssembliesFile;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What the app wrote to standard output and standard error so far, line by line.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>
    /// Starts the app in <paramref name="contentRoot"/> (its appsettings files come from there) with the environment
    /// <paramref name="environmentName"/> and <paramref name="settings"/> as environment variables, and returns once it
    /// listens: after its hosted services (migrations, seeding) have started.
    /// </summary>
    public static async Task<WebAppProcess> StartAsync(
        string environmentName, string contentRoot, IReadOnlyDictionary<string, string?> settings)
    {
        var loadedAssembliesFile = Path.Combine(Path.GetTempPath(), $"cleantemplate-loaded-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [typeof(Program).Assembly.Location, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what the test says configures the app, whatever the shell that runs the tests has set.
        foreach (var inherited in start.Environment.Keys.Where(IsAppSetting).ToList())
            start.Environment.Remove(inherited);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment[StartupHook.FileVariable] = loadedAssembliesFile;

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Receive(line.Data, output, listening);
        process.ErrorDataReceived += (_, line) => Receive(line.Data, output, listening);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The app exited before listening:\n{string.Join('\n', output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            return new WebAppProcess(process, output, loadedAssembliesFile, address);
        }
        catch (Exception failure)
        {
            await KillAsync(process);
            File.Delete(loadedAssembliesFile);
            if (failure is TimeoutException)
            {
                throw new TimeoutException(
                    $"The app did not listen within {StartTimeout}:\n{string.Join('\n', output)}", failure);
            }
            throw;
        }
    }

    /// <summary>The simple names of every assembly the process has loaded so far.</summary>
    public IReadOnlySet<string> LoadedAssemblies() =>
        File.ReadAllLines(_loadedAssembliesFile).ToHashSet(StringComparer.Ordinal);

    /// <summary>Stops the app as a service manager does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            await signal.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync(_process);
        Client.Dispose();
        File.Delete(_loadedAssembliesFile);
    }

    private static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static bool IsAppSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);

    private static void Receive(string? line, ConcurrentQueue<string> output, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
            return;
        output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups["address"].Value));
    }

    // Kestrel's own line (Microsoft.Hosting.Lifetime), with the port it chose for 127.0.0.1:0.
    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
