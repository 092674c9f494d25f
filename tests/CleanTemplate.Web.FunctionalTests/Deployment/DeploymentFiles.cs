using System.Globalization;
using CleanTemplate.TestSupport;
using CleanTemplate.Web.Observability;
using Npgsql;
using InfrastructureSetup = CleanTemplate.Infrastructure.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>
/// The repository's container files (compose.yaml, the Dockerfile, deploy/) and what they say together: which port
/// each service listens on, and which services each one connects to.
/// </summary>
internal sealed class DeploymentFiles
{
    public const string ConnectionStringPrefix = "ConnectionStrings__";
    private const int PostgresPort = 5432;
    private const int AmqpPort = 5672;
    private const int OtlpGrpcPort = 4317;

    public static DeploymentFiles Repository { get; } = new(
        ComposeFile.Load(RepositoryFolder.Combine("compose.yaml")),
        DockerfileInstructions.Load(RepositoryFolder.Combine("Dockerfile")));

    private DeploymentFiles(ComposeFile compose, DockerfileInstructions dockerfile)
    {
        Compose = compose;
        Dockerfile = dockerfile;
    }

    public ComposeFile Compose { get; }

    public DockerfileInstructions Dockerfile { get; }

    /// <summary>The service built from the repository: the app.</summary>
    public ComposeService App => Compose.Services.Values.Single(service => service.Build is not null);

    public ComposeService PgBouncer =>
        Compose.Services.Values.Single(service => PgBouncerConfigOf(service) is not null);

    public const string BrokerSetting = ConnectionStringPrefix + InfrastructureSetup.RabbitMqConnectionStringName;

    /// <summary>The app's database connection strings by name, variables substituted.</summary>
    public IReadOnlyDictionary<string, NpgsqlConnectionStringBuilder> AppConnectionStrings => App.Environment
        .Where(variable => variable.Key.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal)
            && variable.Key != BrokerSetting)
        .ToDictionary(
            variable => variable.Key[ConnectionStringPrefix.Length..],
            variable => new NpgsqlConnectionStringBuilder(ComposeVariables.Substitute(variable.Value)));

    /// <summary>The app's RabbitMQ connection string, an AMQP URI, variables substituted; null without one.</summary>
    public Uri? AppBroker => App.Environment.TryGetValue(BrokerSetting, out var uri)
        ? new Uri(ComposeVariables.Substitute(uri))
        : null;

    /// <summary>The pgbouncer.ini a service mounts, if it does.</summary>
    public static PgBouncerConfig? PgBouncerConfigOf(ComposeService service) => service.BindMounts
        .Where(mount => Path.GetFileName(mount.Target) == "pgbouncer.ini")
        .Select(mount => PgBouncerConfig.Load(RepositoryFolder.Combine(mount.Source)))
        .SingleOrDefault();

    /// <summary>The port the service listens on inside its container; null when the files do not say.</summary>
    public int? ListeningPort(ComposeService service)
    {
        if (service.RunsPostgres)
            return PostgresPortOf(service.Command);
        if (PgBouncerConfigOf(service) is { } pgBouncer)
            return pgBouncer.Settings.TryGetValue("listen_port", out var port) ? ParsePort(port) : null;
        if (service == App)
            return HttpPort();
        if (service.RunsRabbitMq)
            return AmqpPort;
        if (service.RunsJaeger)
            return OtlpGrpcPort;
        return null;
    }

    /// <summary>The app's HTTP port: ASPNETCORE_HTTP_PORTS of its service, else the Dockerfile's.</summary>
    public int? HttpPort()
    {
        const string name = "ASPNETCORE_HTTP_PORTS";
        var fromImage = Dockerfile.FinalStage.Where(instruction => instruction.Is("ENV"))
            .SelectMany(instruction => instruction.Words)
            .Select(word => word.Split('=', 2))
            .LastOrDefault(pair => pair[0] == name)?[1];
        var value = App.Environment.GetValueOrDefault(name) ?? fromImage;
        return value is null ? null : ParsePort(value);
    }

    /// <summary>
    /// Every server a service connects to: the app's connection strings and OTLP endpoint, PgBouncer's databases, the
    /// standby's primary.
    /// </summary>
    public IReadOnlyList<ServiceConnection> ConnectionsOf(ComposeService service)
    {
        var connections = new List<ServiceConnection>();
        if (service == App)
        {
            connections.AddRange(AppConnectionStrings.SelectMany(connection => HostsOf(connection.Value)
                .Select(host => new ServiceConnection(
                    $"ConnectionStrings:{connection.Key}", host.Host, host.Port))));
            if (AppBroker is { } broker)
            {
                connections.Add(new ServiceConnection(
                    $"ConnectionStrings:{InfrastructureSetup.RabbitMqConnectionStringName}",
                    broker.Host,
                    broker.IsDefaultPort ? AmqpPort : broker.Port));
            }

            // The exporter retries and drops what it cannot send, so the app need not wait for the collector.
            if (App.Environment.TryGetValue(Telemetry.OtlpEndpointVariable, out var otlp))
            {
                var endpoint = new Uri(otlp);
                connections.Add(new ServiceConnection(
                    Telemetry.OtlpEndpointVariable, endpoint.Host, endpoint.Port, Awaited: false));
            }
        }

        if (PgBouncerConfigOf(service) is { } pgBouncer)
        {
            connections.AddRange(pgBouncer.Databases.Select(database =>
                new ServiceConnection($"pgbouncer.ini database '{database.Name}'", database.Host, database.Port)));
        }

        if (service.Environment.TryGetValue("PRIMARY_HOST", out var primary))
        {
            var port = service.Environment.TryGetValue("PRIMARY_PORT", out var value)
                ? ParsePort(value)
                : PostgresPort;
            connections.Add(new ServiceConnection("PRIMARY_HOST and PRIMARY_PORT", primary, port));
        }

        return connections;
    }

    // Npgsql takes several hosts, each with an optional port: "Host=standby1:5433,standby2".
    private static IEnumerable<(string Host, int Port)> HostsOf(NpgsqlConnectionStringBuilder connection) =>
        (connection.Host ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(host => host.Split(':'))
        .Select(parts => (parts[0], parts.Length == 2 ? ParsePort(parts[1]) : connection.Port));

    // The postgres image listens on 5432 unless its command says otherwise (postgres -p N, or -c port=N).
    private static int PostgresPortOf(IReadOnlyList<string> command)
    {
        for (var i = 0; i < command.Count - 1; i++)
        {
            if (command[i] == "-p")
                return ParsePort(command[i + 1]);
            if (command[i] == "-c" && command[i + 1].StartsWith("port=", StringComparison.Ordinal))
                return ParsePort(command[i + 1]["port=".Length..]);
        }

        return PostgresPort;
    }

    private static int ParsePort(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>
/// A server one service connects to, and where it says so; <paramref name="Awaited"/>: whether the service must wait
/// until that server is healthy.
/// </summary>
internal sealed record ServiceConnection(string Setting, string Host, int Port, bool Awaited = true);
