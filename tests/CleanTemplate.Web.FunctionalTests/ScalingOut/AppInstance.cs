using System.Collections.Concurrent;
using CleanTemplate.TestSupport;
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
    private readonly ConcurrentQueue<string> _log = new();

    /// <summary>The messages it logged, each after its category.</summary>
    public IReadOnlyCollection<string> Log => _log;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings.For(connectionString).Concat(settings))
            builder.UseSetting(key, value);
        // Its own rules: the app's configuration keeps EF's information lines (migrations applied) out of its logs.
        builder.ConfigureLogging(logging => logging.AddProvider(new Capture(_log))
            .AddFilter<Capture>("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Information));
    }

    private sealed class Capture(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    log.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
