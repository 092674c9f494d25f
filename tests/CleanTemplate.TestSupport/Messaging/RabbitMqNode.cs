using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace CleanTemplate.TestSupport.Messaging;

/// <summary>
/// A throwaway RabbitMQ node (Debian's <c>rabbitmq-server</c>) for one test class: its own folder, its own epmd, and
/// its own AMQP, distribution and epmd ports on 127.0.0.1, so several run at once and none touches a system node.
/// It can be stopped, killed as a crash would, and started again on the same data and ports.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private const string Programs = "/usr/lib/rabbitmq/bin";
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private Process? _epmd;
    private Process? _server;

    private RabbitMqNode(string folder)
    {
        _folder = folder;
        AmqpPort = FreePort();
        var distributionPort = FreePort();
        var epmdPort = FreePort();
        EpmdPort = epmdPort;
        _environment = Environment(folder, AmqpPort, distributionPort, epmdPort);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillEverything();
    }

    /// <summary>Why no node can start here, or null when the server is installed.</summary>
    public static string? NotInstalled => File.Exists(Path.Combine(Programs, "rabbitmq-server"))
        ? null
        : "RabbitMQ is not installed: apt-get install rabbitmq-server (.ci/run installs it).";

    public int AmqpPort { get; }

    private int EpmdPort { get; }

    /// <summary>The AMQP URI of the node, as <c>ConnectionStrings:RabbitMq</c> takes it (the guest login).</summary>
    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    /// <summary>What the node wrote to its console.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private string LogFile => Path.Combine(_folder, "server.log");

    private string PidFile => _environment["RABBITMQ_PID_FILE"];

    /// <summary>Starts a node and returns once it accepts an AMQP login; new ports when one was taken.</summary>
    public static async Task<RabbitMqNode> StartAsync(CancellationToken cancellationToken = default)
    {
        if (NotInstalled is { } reason)
            throw new InvalidOperationException(reason);
        for (var attempt = 1; ; attempt++)
        {
            var node = new RabbitMqNode(Directory.CreateTempSubdirectory("rabbitmq-test-").FullName);
            try
            {
                await node.StartEpmdAsync(cancellationToken);
                await node.StartAgainAsync(cancellationToken);
                return node;
            }
            catch (Exception) when (attempt < StartAttempts && node.Log.Contains("eaddrinuse"))
            {
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Starts the node (again) on its data and ports and waits until it accepts a login.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        File.Delete(PidFile);
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec {Programs}/rabbitmq-server >> '{LogFile}' 2>&1 < /dev/null" },
            UseShellExecute = false,
        };
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;
        _server = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start.");

        var clock = Stopwatch.StartNew();
        while (!await AcceptsLoginAsync(cancellationToken))
        {
            if (_server.HasExited || clock.Elapsed > StartTimeout)
                throw new InvalidOperationException($"RabbitMQ did not start on port {AmqpPort}. Its log:\n{Log}");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Stops the broker as an operator would (SIGTERM) and waits until it is gone.</summary>
    public Task StopAsync() => SignalAsync("TERM");

    /// <summary>Kills the broker at once (SIGKILL), as a crash would.</summary>
    public Task KillAsync() => SignalAsync("KILL");

    public async ValueTask DisposeAsync()
    {
        await SignalAsync("KILL");
        if (_epmd is { HasExited: false })
        {
            _epmd.Kill();
            await _epmd.WaitForExitAsync();
        }

        _epmd?.Dispose();
        _server?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartEpmdAsync(CancellationToken cancellationToken)
    {
        // One epmd per node, as a child: a node that finds none would start a daemon that outlives it.
        _epmd = Process.Start(new ProcessStartInfo("epmd")
        {
            ArgumentList = { "-port", EpmdPort.ToString(), "-address", "127.0.0.1" },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("epmd did not start.");
        for (var attempt = 0; attempt < 100 && !await AnswersAsync(EpmdPort, cancellationToken); attempt++)
            await Task.Delay(50, cancellationToken);
    }

    // The node's own pid is beam.smp's, written by the node: killing the shell would leave the broker running.
    private async Task SignalAsync(string signal)
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
            return;
        try
        {
            using var beam = Process.GetProcessById(pid);
            using var kill = Process.Start("kill", [$"-{signal}", pid.ToString()]);
            await kill.WaitForExitAsync();
            await beam.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        File.Delete(PidFile);
        if (_server is { HasExited: false })
            await _server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private void KillEverything()
    {
        try
        {
            if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
                Process.GetProcessById(pid).Kill();
            if (_epmd is { HasExited: false })
                _epmd.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
        }
    }

    private async Task<bool> AcceptsLoginAsync(CancellationToken cancellationToken)
    {
        if (!await AnswersAsync(AmqpPort, cancellationToken))
            return false;
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), AutomaticRecoveryEnabled = false };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
        {
            return false;
        }
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, string> Environment(string folder, int amqp, int distribution, int epmd)
    {
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var cookie = Path.Combine(home, ".erlang.cookie");
        File.WriteAllText(cookie, Guid.NewGuid().ToString("N"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        var plugins = Path.Combine(folder, "enabled_plugins");
        File.WriteAllText(plugins, "[].");
        var config = Path.Combine(folder, "rabbitmq.conf");
        File.WriteAllText(config, string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{amqp}", "log.console = true", "log.console.level = warning",
            "log.file = false", ""));
        var environmentFile = Path.Combine(folder, "rabbitmq-env.conf");
        File.WriteAllText(environmentFile, "");
        // The distribution listener on loopback only, and never an epmd daemon of the node's own making.
        const string erlangArguments = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
        return new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_CONF_ENV_FILE"] = environmentFile,
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["RABBITMQ_MNESIA_BASE"] = Directory.CreateDirectory(Path.Combine(folder, "mnesia")).FullName,
            ["RABBITMQ_LOG_BASE"] = Directory.CreateDirectory(Path.Combine(folder, "log")).FullName,
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "beam.pid"),
            ["RABBITMQ_NODENAME"] = $"test{amqp}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqp.ToString(),
            ["RABBITMQ_DIST_PORT"] = distribution.ToString(),
            ["ERL_EPMD_PORT"] = epmd.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = erlangArguments,
            ["RABBITMQ_CTL_ERL_ARGS"] = erlangArguments,
        };
    }
}
