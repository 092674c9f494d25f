using System.Globalization;
using System.Net.Sockets;

namespace CleanTemplate.Benchmarks.Api;

/// <summary>What a served process reported through its <see cref="StartupHook"/> probe, at one moment.</summary>
internal sealed record ProcessCounters(long AllocatedBytes, TimeSpan Cpu, long JitMethods, int Gen0Collections)
{
    public static async Task<ProcessCounters> ReadAsync(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream);
        var fields = (await reader.ReadLineAsync() ?? "").Split(' ');
        return new ProcessCounters(
            long.Parse(fields[0], CultureInfo.InvariantCulture),
            TimeSpan.FromTicks(long.Parse(fields[1], CultureInfo.InvariantCulture)),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            int.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    public static ProcessCounters operator -(ProcessCounters after, ProcessCounters before) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Cpu - before.Cpu,
        after.JitMethods - before.JitMethods,
        after.Gen0Collections - before.Gen0Collections);
}
