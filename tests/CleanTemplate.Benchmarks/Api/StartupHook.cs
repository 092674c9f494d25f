using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime;
using System.Text;

// A .NET startup hook (DOTNET_STARTUP_HOOKS) that the API benchmark loads into both servers it measures. When
// BENCHMARK_PROBE_SOCKET names a Unix socket path, it answers every connection there with one line: bytes
// allocated, CPU time, JIT-compiled methods and gen-0 collections of the process so far. The benchmark reads it before
// and after each load run and divides by the requests served. The runtime requires this exact name in the global
// namespace, and the hook touches nothing but the base library, so loading this assembly pulls in nothing else.
#pragma warning disable CA1050 // Declare types in namespaces: the runtime looks the hook up by this exact global name.
internal static class StartupHook
#pragma warning restore CA1050
{
    public const string SocketVariable = "BENCHMARK_PROBE_SOCKET";

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(SocketVariable) is not { Length: > 0 } path)
            return;

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        File.Delete(path);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        new Thread(() => Serve(listener)) { IsBackground = true, Name = "benchmark probe" }.Start();
    }

    /// <summary>
    /// The counters as one line; <see cref="CleanTemplate.Benchmarks.Api.ProcessCounters"/> reads it back.
    /// </summary>
    public static string Snapshot() => string.Create(
        CultureInfo.InvariantCulture,
        $"{GC.GetTotalAllocatedBytes(precise: true)} {Process.GetCurrentProcess().TotalProcessorTime.Ticks} " +
        $"{JitInfo.GetCompiledMethodCount()} {GC.CollectionCount(0)}\n");

    private static void Serve(Socket listener)
    {
        while (true)
        {
            using var client = listener.Accept();
            client.Send(Encoding.ASCII.GetBytes(Snapshot()));
        }
    }
}
