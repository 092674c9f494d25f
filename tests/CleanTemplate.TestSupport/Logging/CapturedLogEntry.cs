using Microsoft.Extensions.Logging;

namespace CleanTemplate.TestSupport.Logging;

/// <summary>One entry a <see cref="CapturingLoggerProvider"/> kept, with its message formatted.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception = null);
