using System.Runtime.CompilerServices;
using CleanTemplate.LocalPostgres;
using InfrastructureSetup = CleanTemplate.Infrastructure.DependencyInjection;

namespace CleanTemplate.Web.Development;

/// <summary>
/// Development with no <c>ConnectionStrings:Database</c>: a persistent PostgreSQL cluster from the local server
/// binaries under the git-ignored <c>.data/postgres</c> of the content root, so <c>dotnet run</c> works on a fresh
/// machine that has the PostgreSQL server binaries and nothing configured. Any other start-up never loads the
/// launcher's assembly (CleanTemplate.LocalPostgres).
/// </summary>
internal static class DevelopmentDatabase
{
    /// <summary>Created by the first migration run (the migrator creates a missing database).</summary>
    public const string DatabaseName = "development";

    /// <summary>In Development with no connection string, starts the cluster and points the connection at it.</summary>
    public static Task StartWhenUnconfiguredAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(InfrastructureSetup.ConnectionStringName);
        return builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configured)
            ? StartLocalClusterAsync(builder)
            : Task.CompletedTask;
    }

    // The only method that names a CleanTemplate.LocalPostgres type. The runtime loads an assembly when it compiles
    // the first method that uses it, so this one is never inlined into a caller that every start-up runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task StartLocalClusterAsync(WebApplicationBuilder builder)
    {
        // The host's loggers exist only once it is built; the cluster logs where it listens, and later its stop.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(builder.Configuration.GetSection("Logging"))
            .AddConsole());
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres"),
        };
        // Awaited as a plain Task: an awaiter of Task<LocalPostgresCluster> would be a field of this method's state
        // machine, and reflecting over Web's types (endpoint discovery) would load the launcher in every start-up.
        var starting = LocalPostgresCluster.StartAsync(
            options, loggerFactory.CreateLogger(typeof(DevelopmentDatabase)));
        await (Task)starting;
        var cluster = starting.Result;

        builder.Configuration.AddInMemoryCollection(
        [
            new(
                $"ConnectionStrings:{InfrastructureSetup.ConnectionStringName}",
                cluster.AdminConnectionString(DatabaseName)),
        ]);
        // Registered before every other hosted service, so it stops last: the data stays for the next run.
        builder.Services.AddHostedService(_ => new DevelopmentDatabaseLifetime(cluster, loggerFactory));
    }
}
