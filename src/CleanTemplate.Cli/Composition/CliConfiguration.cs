using CleanTemplate.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CleanTemplate.Cli.Composition;

/// <summary>
/// The app's configuration sources, in the app's order: appsettings.json (the Web project's own file, copied next to
/// the tool), environment variables (<c>ConnectionStrings__Database</c>, <c>Database__LogSql</c>, ...), and last the
/// <c>--connection</c> option. <c>ConnectionStrings:DatabaseDirect</c>, where set, wins over
/// <c>ConnectionStrings:Database</c> (which may lead to a pooler).
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(string? connectionString)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // Both names: the option is the database the verb works on, whatever the environment says.
            builder.AddInMemoryCollection(
                [
                    new KeyValuePair<string, string?>(
                        $"ConnectionStrings:{DependencyInjection.ConnectionStringName}", connectionString),
                    new KeyValuePair<string, string?>(
                        $"ConnectionStrings:{DependencyInjection.DirectConnectionStringName}", connectionString),
                ]);
        }

        return builder.Build();
    }
}
