using CleanTemplate.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CleanTemplate.Cli.Composition;

/// <summary>
/// The app's configuration sources, in the app's order: appsettings.json (the Web project's own file, copied next to
/// the tool), environment variables (<c>ConnectionStrings__Database</c>, <c>Database__LogSql</c>, ...), and last the
/// <c>--connection</c> option.
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
            builder.AddInMemoryCollection(
                [
                    new KeyValuePair<string, string?>(
                        $"ConnectionStrings:{DependencyInjection.ConnectionStringName}", connectionString),
                ]);
        }

        return builder.Build();
    }
}
