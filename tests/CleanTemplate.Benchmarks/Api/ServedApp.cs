using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>
/// One published ASP.NET Core app the API benchmark runs on loopback: its own process, the <see cref="StartupHook"/>
/// probe loaded into it, its output drained to a log file so a chatty logger never blocks it.
/// </summary>
internal sealed class ServedApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly string probeSocket;

    private ServedApp(string name, Uri address, Process process, StreamWriter log, string probeSocket)
    {
        Name = name;
        Address = address;
        this.process = process;
        this.log = log;
        this.probeSocket = probeSocket;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>
    /// <c>dotnet publish -c Release</c> of <paramref name="project"/> into <paramref name="output"/>; returns the app's
    /// dll.
    /// </summary>
    public static async Task<string> PublishAsync(string project, string output)
    {
        Console.WriteLine($"publishing {Path.GetFileName(project)} ...");
        var result = await ChildProcess.RunToEndAsync(
            "dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q"]);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{result.Output}{result.Error}");
        return Path.Combine(output, Path.GetFileNameWithoutExtension(project) + ".dll");
    }

    /// <summary>Runs the app once with <paramref name="arguments"/> (<c>--migrate</c>, say) and waits for it.</summary>
    public static async Task RunOnceAsync(
        string dll,
        IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var result =
            await ChildProcess.RunToEndAsync("dotnet", [dll, .. arguments], environment, Path.GetDirectoryName(dll));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(dll)} {string.Join(' ', arguments)} failed:\n{result.Output}{result.Error}");
        }
    }

    /// <summary>Starts the app on a free port; returns once <paramref name="readyPath"/> answers 2xx.</summary>
    public static async Task<ServedApp> StartAsync(
        string name,
        string dll,
        IReadOnlyDictionary<string, string> environment,
        string readyPath,
        string logFolder)
    {
        var port = FreeLoopbackPort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var probeSocket = Path.Combine(Path.GetTempPath(), $"cleantemplate-probe-{Environment.ProcessId}-{port}.sock");
        var start = ChildProcess.StartInfo("dotnet", [dll], environment, Path.GetDirectoryName(dll));
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment[StartupHook.SocketVariable] = probeSocket;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var log = new StreamWriter(Path.Combine(logFolder, name + ".log")) { AutoFlush = false };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new ServedApp(name, address, process, log, probeSocket);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{name} exited with {process.ExitCode} before answering; see {logFolder}/{name}.log");
            }
            try
            {
                if ((await client.GetAsync(readyPath)).IsSuccessStatusCode && File.Exists(probeSocket))
                    return app;
            }
            catch (HttpRequestException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await app.DisposeAsync();
                throw new TimeoutException(
                    $"{name} did not answer {readyPath} within 60 s; see {logFolder}/{name}.log");
            }

            await Task.Delay(200);
        }
    }

    public Task<ProcessCounters> ReadCountersAsync() => ProcessCounters.ReadAsync(probeSocket);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (log)
            log.Dispose();
        File.Delete(probeSocket);
    }

    // Free a moment ago; the app binds it moments later.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
        {
            if (log.BaseStream.CanWrite)
                log.WriteLine(line);
        }
    }
}
