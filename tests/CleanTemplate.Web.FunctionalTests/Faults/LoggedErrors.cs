using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>The host's error-level log entries with their exceptions: a fault test names what a 500 was.</summary>
public sealed class LoggedErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Text)> _entries = new();

    /// <summary>What <typeparamref name="TCategory"/>'s logger wrote at error level, each with its exception.</summary>
    public IEnumerable<string> Of<TCategory>() =>
        _entries.Where(entry => entry.Category == typeof(TCategory).FullName).Select(entry => entry.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue((category, $"{category}: {formatter(state, exception)}\n{exception}"));
        }
    }
}
