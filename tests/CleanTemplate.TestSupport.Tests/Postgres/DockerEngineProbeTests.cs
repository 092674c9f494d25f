using System.Net.Sockets;
using CleanTemplate.TestSupport.Postgres;

namespace CleanTemplate.TestSupport.Tests.Postgres;

/// <summary>
/// The probe against real sockets of the test's own: a missing one, one that never answers, a fake engine.
/// </summary>
public sealed class DockerEngineProbeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("docker-probe-").FullName;

    [Fact]
    public async Task No_socket_file_is_no_engine()
    {
        var endpoint = DockerEngineProbe.ResolveEndpoint(null, [Path.Combine(_folder, "docker.sock")]);

        var probe = new DockerEngineProbe(TimeSpan.FromSeconds(5));
        var availability = await probe.CheckAsync(endpoint, CancellationToken.None);

        availability.IsAvailable.ShouldBeFalse();
        availability.Reason.ShouldContain("no Docker engine socket");
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_no_engine()
    {
        var path = Path.Combine(_folder, "stale.sock");
        using (var listener = Listen(path))
        {
        }

        var availability = await new DockerEngineProbe(TimeSpan.FromSeconds(5))
            .CheckAsync(new UnixDomainSocketEndPoint(path), CancellationToken.None);

        availability.IsAvailable.ShouldBeFalse();
        availability.Reason.ShouldContain("no Docker engine at");
    }

    [Fact]
    public async Task An_engine_that_never_answers_fails_fast_at_the_probe_timeout()
    {
        var path = Path.Combine(_folder, "silent.sock");
        using var listener = Listen(path);

        var availability = await new DockerEngineProbe(TimeSpan.FromMilliseconds(200))
            .CheckAsync(new UnixDomainSocketEndPoint(path), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        availability.IsAvailable.ShouldBeFalse();
        availability.Reason.ShouldContain("did not answer within 200 ms");
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK", true)]
    [InlineData("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n", false)]
    public async Task An_engine_is_available_only_when_it_answers_ping_with_200(string answer, bool available)
    {
        var path = Path.Combine(_folder, "engine.sock");
        using var listener = Listen(path);
        var engine = AnswerOnceAsync(listener, answer);

        var availability = await new DockerEngineProbe(TimeSpan.FromSeconds(5))
            .CheckAsync(DockerEngineProbe.ResolveEndpoint($"unix://{path}", []), CancellationToken.None);

        (await engine).ShouldStartWith("GET /_ping ");
        availability.IsAvailable.ShouldBe(available);
    }

    [Fact]
    public void Docker_host_over_tcp_is_used_as_given()
    {
        var endpoint = DockerEngineProbe.ResolveEndpoint("tcp://127.0.0.1:2376", ["/var/run/docker.sock"]);

        endpoint.ShouldBeOfType<System.Net.DnsEndPoint>().Port.ShouldBe(2376);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }

    /// <summary>Accepts one connection, reads the request, answers and closes; returns the request line.</summary>
    private static async Task<string> AnswerOnceAsync(Socket listener, string answer)
    {
        using var connection = await listener.AcceptAsync();
        var buffer = new byte[1024];
        var read = await connection.ReceiveAsync(buffer);
        await connection.SendAsync(System.Text.Encoding.ASCII.GetBytes(answer));
        connection.Shutdown(SocketShutdown.Both);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }
}
