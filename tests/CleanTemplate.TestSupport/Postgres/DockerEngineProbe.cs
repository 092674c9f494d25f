using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// Asks a Docker engine's API for <c>GET /_ping</c> with a short timeout, so a machine without an engine (or with a
/// dead socket) falls through to the next provider at once instead of waiting on Testcontainers' own time-outs.
/// </summary>
public sealed class DockerEngineProbe(TimeSpan timeout)
{
    public static DockerEngineProbe Default { get; } = new(TimeSpan.FromSeconds(2));

    public async Task<ProviderAvailability> CheckAsync(EndPoint? endpoint, CancellationToken cancellationToken)
    {
        if (endpoint is null)
            return ProviderAvailability.Unavailable(
                "no Docker engine socket (DOCKER_HOST unset, none at the usual paths)");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = endpoint is UnixDomainSocketEndPoint
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, deadline.Token);
            await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), deadline.Token);
            var answer = await ReadToEndAsync(socket, deadline.Token);
            var answeredOk = answer.StartsWith("HTTP/1.", StringComparison.Ordinal)
                && answer.Contains(" 200 ", StringComparison.Ordinal);
            return answeredOk
                ? ProviderAvailability.Available
                : ProviderAvailability.Unavailable(
                    $"the Docker engine at {endpoint} answered /_ping with '{FirstLine(answer)}'");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProviderAvailability.Unavailable(
                $"the Docker engine at {endpoint} did not answer within {timeout.TotalMilliseconds:F0} ms");
        }
        catch (SocketException e)
        {
            return ProviderAvailability.Unavailable($"no Docker engine at {endpoint} ({e.SocketErrorCode})");
        }
    }

    /// <summary>
    /// <c>DOCKER_HOST</c> (unix:// or tcp://), else the first socket file of a local or rootless engine.
    /// </summary>
    public static EndPoint? ResolveEndpoint(string? dockerHost, IEnumerable<string> candidateSockets)
    {
        if (!string.IsNullOrWhiteSpace(dockerHost) && Uri.TryCreate(dockerHost, UriKind.Absolute, out var uri))
        {
            return uri.Scheme switch
            {
                "unix" => new UnixDomainSocketEndPoint(uri.AbsolutePath),
                "tcp" => new DnsEndPoint(uri.Host, uri.Port > 0 ? uri.Port : 2375),
                _ => null,
            };
        }

        var socketPath = candidateSockets.FirstOrDefault(File.Exists);
        return socketPath is null ? null : new UnixDomainSocketEndPoint(socketPath);
    }

    public static IEnumerable<string> UsualSockets()
    {
        yield return "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
            yield return Path.Combine(runtime, "docker.sock");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return Path.Combine(home, ".docker", "run", "docker.sock");
    }

    private static async Task<string> ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        var buffer = new byte[512];
        int read;
        while (answer.Length < 4096 && (read = await socket.ReceiveAsync(buffer, cancellationToken)) > 0)
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        return answer.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
