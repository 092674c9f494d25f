using CleanTemplate.Infrastructure.Persistence.LocalPostgres;
using Microsoft.Extensions.Hosting;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Development with no <c>ConnectionStrings:Database</c>: the same local-PostgreSQL code the tests use runs a
/// persistent cluster under the git-ignored <c>.data/postgres</c> of the content root, so <c>dotnet run</c> works on a
/// fresh machine that has the PostgreSQL server binaries and nothing configured.
/// </summary>
internal static class DevelopmentDatabase
{
    /// <summary>Created by the first migration run (EF creates a missing database).</summary>
    public const string DatabaseName = "development";

    public static LocalPostgresCluster Start(IHostEnvironment environment)
    {
        var options = new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(environment.ContentRootPath, ".data", "postgres"),
        };

        // Composition happens once, before the host runs and on a thread without a synchronization context,
        // so blocking here cannot deadlock; it keeps AddInfrastructure synchronous like every other Add* call.
        return LocalPostgresCluster.StartAsync(options).GetAwaiter().GetResult();
    }

    /// <summary>Stops the server when the host stops; the data stays for the next run.</summary>
    internal sealed class Lifetime(LocalPostgresCluster cluster) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await cluster.DisposeAsync();
    }
}
