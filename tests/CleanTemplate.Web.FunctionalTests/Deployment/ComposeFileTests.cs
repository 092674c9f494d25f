using CleanTemplate.Application.Common;
//#if (conduit)
using CleanTemplate.Infrastructure.BackgroundJobs;
//#endif
using CleanTemplate.Infrastructure.Identity;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Idempotency;
using CleanTemplate.TestSupport;
using CleanTemplate.Web.Errors;
using CleanTemplate.Web.Observability;
using CleanTemplate.Web.RateLimiting;
using Microsoft.Extensions.Configuration;
using Npgsql;
using InfrastructureSetup = CleanTemplate.Infrastructure.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Deployment;

/// <summary>
/// compose.yaml is never run where the tests run (no Docker engine), so these read it: the app's settings are keys
/// the app reads, every host is a service listening on the port used, and each service waits for those it needs.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string[] ConnectionStringNames =
    [
        InfrastructureSetup.ConnectionStringName,
        InfrastructureSetup.DirectConnectionStringName,
        InfrastructureSetup.ReplicasConnectionStringName,
        InfrastructureSetup.RabbitMqConnectionStringName,
    ];

    // Every configuration section bound to an options class, so that a key outside them is one nothing reads.
    private static readonly Dictionary<string, Type> BoundSections = new()
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [JwtOptions.SectionName] = typeof(JwtOptions),
        [ApplicationOptions.SectionName] = typeof(ApplicationOptions),
        [IdempotencyOptions.SectionName] = typeof(IdempotencyOptions),
        [ErrorResponseOptions.SectionName] = typeof(ErrorResponseOptions),
        [RateLimitingOptions.SectionName] = typeof(RateLimitingOptions),
        //#if (conduit)
        [TagStatisticsOptions.SectionName] = typeof(TagStatisticsOptions),
        //#endif
    };

    // Read by the host and by the OpenTelemetry SDK rather than through the configuration's sections.
    private static readonly string[] HostSettings =
        ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", Telemetry.OtlpEndpointVariable];

    private static DeploymentFiles Files => DeploymentFiles.Repository;

    [Fact]
    public void The_app_sets_only_configuration_keys_it_reads()
    {
        var settings = Files.App.Environment;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings
                .Where(variable => variable.Key.Contains("__", StringComparison.Ordinal))
                .Select(variable => KeyValuePair.Create(
                    variable.Key.Replace("__", ":", StringComparison.Ordinal),
                    (string?)ComposeVariables.Substitute(variable.Value))))
            .Build();

        var unread = settings.Keys
            .Where(name => !name.Contains("__", StringComparison.Ordinal) && !HostSettings.Contains(name))
            .Concat(UnknownConnectionStrings(configuration))
            .Concat(KeysOutsideBoundSections(configuration))
            .Concat(BoundSections.SelectMany(section => BindingErrors(configuration, section.Key, section.Value)))
            .ToList();

        settings.Keys.ShouldContain(DeploymentFiles.ConnectionStringPrefix + InfrastructureSetup.ConnectionStringName);
        unread.ShouldBeEmpty();
    }

    [Fact]
    public void The_app_connects_to_services_on_the_ports_they_listen_on()
    {
        var connections = Files.ConnectionsOf(Files.App);

        connections.Select(connection => connection.Setting)
            .Where(setting => setting.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            .Distinct().Count().ShouldBe(ConnectionStringNames.Length);
        connections.Select(connection => connection.Setting).ShouldContain(Telemetry.OtlpEndpointVariable);
        MisdirectedOf(connections).ShouldBeEmpty();
    }

    [Fact]
    public void PgBouncer_leads_to_a_service_on_the_port_it_listens_on()
    {
        var connections = Files.ConnectionsOf(Files.PgBouncer);

        connections.ShouldNotBeEmpty();
        MisdirectedOf(connections).ShouldBeEmpty();
    }

    [Fact]
    public void The_standby_streams_from_the_primary_as_the_replication_role_the_primary_creates()
    {
        var standby = Files.Compose.Services.Values.Single(service => service.Environment.ContainsKey("PRIMARY_HOST"));
        var primary = Files.Compose[standby.Environment["PRIMARY_HOST"]];

        standby.RunsPostgres.ShouldBeTrue();
        primary.RunsPostgres.ShouldBeTrue();
        MisdirectedOf(Files.ConnectionsOf(standby)).ShouldBeEmpty();
        standby.Environment["REPLICATION_USER"].ShouldBe(primary.Environment["REPLICATION_USER"]);
        standby.Environment["REPLICATION_SLOT"].ShouldBe(primary.Environment["REPLICATION_SLOT"]);
    }

    [Fact]
    public void Requests_go_through_PgBouncer_in_transaction_mode_and_the_app_knows_it()
    {
        var pooled = Files.AppConnectionStrings[InfrastructureSetup.ConnectionStringName];
        var pgBouncer = DeploymentFiles.PgBouncerConfigOf(Files.PgBouncer)!;

        pooled.Host.ShouldBe(Files.PgBouncer.Name);
        pgBouncer.Databases.Select(database => database.Name).ShouldContain(pooled.Database);
        pgBouncer.Settings["pool_mode"].ShouldBe("transaction");
        Files.App.Environment.GetValueOrDefault(
                $"{DatabaseOptions.SectionName}__{nameof(DatabaseOptions.TransactionPooler)}")
            .ShouldBe("true", StringCompareShould.IgnoreCase);
    }

    [Fact]
    public void Migrations_connect_to_the_primary_itself_not_through_the_pooler()
    {
        var direct = Files.AppConnectionStrings[InfrastructureSetup.DirectConnectionStringName];
        var server = Files.Compose[direct.Host!];

        server.RunsPostgres.ShouldBeTrue();
        server.Environment.Keys.ShouldNotContain("PRIMARY_HOST", "a standby cannot be migrated");
        direct.Database.ShouldBe(Files.AppConnectionStrings[InfrastructureSetup.ConnectionStringName].Database);
    }

    [Fact]
    public void Every_service_waits_until_the_services_it_connects_to_are_healthy()
    {
        var notAwaited = Files.Compose.Services.Values
            .SelectMany(service => Files.ConnectionsOf(service)
                .Where(connection => connection.Awaited
                    && service.DependsOn.GetValueOrDefault(connection.Host) != "service_healthy")
                .Select(connection => $"{service.Name} -> {connection.Host} ({connection.Setting})"))
            .ToList();

        notAwaited.ShouldBeEmpty("each needs depends_on: {service: {condition: service_healthy}}: "
            + string.Join(", ", notAwaited));
    }

    [Fact]
    public void Every_server_waited_for_reports_its_health_on_the_port_it_listens_on()
    {
        var awaited = Files.Compose.Services.Values.SelectMany(Files.ConnectionsOf)
            .Where(connection => connection.Awaited)
            .Select(connection => Files.Compose[connection.Host])
            .Distinct()
            .ToList();
        var unprobed = awaited.Where(server => !ReportsItsHealth(server)).Select(server => server.Name).ToList();

        awaited.Select(server => server.Name).ShouldContain(Files.PgBouncer.Name);
        awaited.ShouldContain(server => server.RunsRabbitMq);
        unprobed.ShouldBeEmpty("healthcheck: test: [CMD, pg_isready, --host=127.0.0.1, --port=<its port>, ...] "
            + "for PostgreSQL and PgBouncer, [CMD, rabbitmq-diagnostics, -q, ping] for RabbitMQ");
    }

    [Fact]
    public void Passwords_and_keys_come_from_required_variables_never_from_the_file()
    {
        var secrets = Files.Compose.Services.Values
            .SelectMany(service => service.Environment
                .Where(variable => IsSecretName(variable.Key))
                .Select(variable => (Where: $"{service.Name}: {variable.Key}", Value: variable.Value)))
            .Concat(Files.App.Environment
                .Where(variable => variable.Key.StartsWith(DeploymentFiles.ConnectionStringPrefix,
                        StringComparison.Ordinal)
                    && variable.Key != DeploymentFiles.BrokerSetting)
                .Select(variable => (Where: $"{variable.Key}: Password",
                    Value: new NpgsqlConnectionStringBuilder(variable.Value).Password ?? "")))
            .Append((Where: $"{DeploymentFiles.BrokerSetting}: password", Value: BrokerPassword()))
            .ToList();

        secrets.Count.ShouldBeGreaterThan(ConnectionStringNames.Length);
        secrets.Where(secret => !ComposeVariables.IsRequiredVariable(secret.Value))
            .Select(secret => secret.Where)
            .ShouldBeEmpty("each must be ${NAME:?message}, set in the environment or the git-ignored .env");
    }

    [Fact]
    public void Every_file_a_service_mounts_is_in_the_repository()
    {
        var mounts = Files.Compose.Services.Values.SelectMany(service => service.BindMounts).ToList();

        mounts.ShouldNotBeEmpty();
        mounts.Select(mount => mount.Source)
            .Where(source => !File.Exists(RepositoryFolder.Combine(source)))
            .ShouldBeEmpty();
    }

    private static bool ReportsItsHealth(ComposeService server) => server switch
    {
        { RunsRabbitMq: true } => server.HealthcheckTest.SequenceEqual(["CMD", "rabbitmq-diagnostics", "-q", "ping"]),
        _ when server.RunsPostgres || DeploymentFiles.PgBouncerConfigOf(server) is not null =>
            server.HealthcheckTest.Contains("pg_isready")
            && server.HealthcheckTest.Contains($"--port={Files.ListeningPort(server)}"),
        _ => false,
    };

    // The password of the AMQP URI as written, before compose substitutes it: "app:${RABBITMQ_PASSWORD:?...}@".
    private static string BrokerPassword()
    {
        var uri = Files.App.Environment[DeploymentFiles.BrokerSetting];
        var userInfo = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..uri.LastIndexOf('@')];
        return userInfo[(userInfo.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    private static List<string> MisdirectedOf(IEnumerable<ServiceConnection> connections) => connections
        .Where(connection => !Files.Compose.Services.TryGetValue(connection.Host, out var service)
            || Files.ListeningPort(service) != connection.Port)
        .Select(connection => $"{connection.Setting}: {connection.Host}:{connection.Port}")
        .ToList();

    private static bool IsSecretName(string name) =>
        name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_PASS", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> UnknownConnectionStrings(IConfiguration configuration) => configuration
        .GetSection("ConnectionStrings").GetChildren()
        .Where(connection => !ConnectionStringNames.Contains(connection.Key, StringComparer.OrdinalIgnoreCase))
        .Select(connection => $"{connection.Path}: not a connection string the app reads");

    private static IEnumerable<string> KeysOutsideBoundSections(IConfiguration configuration) => configuration
        .AsEnumerable()
        .Where(setting => setting.Value is not null && !IsIn(setting.Key, "ConnectionStrings")
            && !BoundSections.Keys.Any(section => IsIn(setting.Key, section)))
        .Select(setting => $"{setting.Key}: in no section bound to an options class");

    private static bool IsIn(string key, string section) =>
        key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> BindingErrors(IConfiguration configuration, string section, Type options)
    {
        try
        {
            configuration.GetSection(section).Get(options, binder => binder.ErrorOnUnknownConfiguration = true);
            return [];
        }
        catch (InvalidOperationException e)
        {
            return [$"{section}: {e.Message}"];
        }
    }
}
