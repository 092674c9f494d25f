using System.Collections.Concurrent;
using System.Data.Common;
using CleanTemplate.LocalPostgres;
using CleanTemplate.TestSupport.Postgres;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// The host on a primary of its own with a real streaming standby taking the reads
/// (<c>ConnectionStrings:DatabaseReplicas</c>), checked every 100 ms. <see cref="ServerRoles"/> says, for each
/// connection the app opened, whether it was on a standby.
/// </summary>
public sealed class ReplicaFactory : WebApiFactory
{
    public const int MaxLagSeconds = 60;
    private ReplicatedPostgresServer? _servers;

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? SkipReason { get; } = LocalPostgresCluster.BinariesAvailable(out _)
        ? null
        : "A standby needs the PostgreSQL server binaries (initdb, pg_basebackup), which are not installed.";

    public ServerRoles ServerRoles { get; } = new();

    public ReplicatedPostgresServer Servers =>
        _servers ?? throw new InvalidOperationException("The servers are not running: " + SkipReason);

    /// <summary>
    /// Another instance of the app on the same servers, with its own standby checks and memory of writers.
    /// </summary>
    public WebApplicationFactory<Program> AnotherInstance(params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
        });

    /// <summary>Settings for an instance whose standby is <paramref name="standby"/>.</summary>
    public (string Key, string Value) ReadsOn(LocalPostgresCluster standby) =>
        ("ConnectionStrings:DatabaseReplicas", ReplicatedPostgresServer.OnStandby(Database.ConnectionString, standby));

    protected override async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        if (SkipReason is not null)
            return await base.CreateDatabaseAsync();
        _servers = await ReplicatedPostgresServer.StartAsync();
        return await _servers.Server.CreateDatabaseAsync();
    }

    protected override ValueTask DisposeServerAsync() => _servers?.DisposeAsync() ?? ValueTask.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_servers is null)
            return;
        var (key, value) = ReadsOn(Servers.Standby);
        builder.UseSetting(key, value);
        builder.UseSetting("Database:ReplicaCheckIntervalMilliseconds", "100");
        builder.UseSetting("Database:ReplicaMaxLagSeconds", MaxLagSeconds.ToString());
    }

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IInterceptor>(ServerRoles);
}

/// <summary>
/// Asks each connection the app opens <c>pg_is_in_recovery()</c>, on that connection, outside EF (so no query count
/// changes): true for a standby. Call <see cref="Reset"/> before the request to look at.
/// </summary>
public sealed class ServerRoles : DbConnectionInterceptor
{
    private readonly ConcurrentQueue<bool> _inRecovery = new();

    public IReadOnlyList<bool> InRecovery => [.. _inRecovery];

    public void Reset() => _inRecovery.Clear();

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery()";
        _inRecovery.Enqueue((bool)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery()";
        _inRecovery.Enqueue((bool)command.ExecuteScalar()!);
    }
}
