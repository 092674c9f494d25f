using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.TestSupport.Logging;

/// <summary>
/// Keeps every log entry written through it, so a test can assert on what was logged. Add it with
/// <c>services.AddLogging(logging =&gt; logging.AddProvider(provider))</c>; call <see cref="Clear"/> before the act.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    /// <summary>The entries of one category: the full name of the class that logged them.</summary>
    public IReadOnlyList<CapturedLogEntry> From<TCategory>() =>
        [.. _entries.Where(entry => entry.Category == typeof(TCategory).FullName)];

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), exception));
    }
}
