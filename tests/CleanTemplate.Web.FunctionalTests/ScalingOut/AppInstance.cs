using CleanTemplate.TestSupport;
using CleanTemplate.TestSupport.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Web.FunctionalTests.ScalingOut;

/// <summary>
/// One more instance of the app on a database another instance uses too, starting as a deployment would start it
/// (migrations and, in Development, seeding on start-up), with what it logs kept.
/// </summary>
public sealed class AppInstance(string connectionString, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<Program>
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings.For(connectionString).Concat(settings))
            builder.UseSetting(key, value);
        // Its own rule: the app's configuration keeps EF's information lines (migrations applied) out of its logs.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs)
            .AddFilter<CapturingLoggerProvider>("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Information));
    }
}
