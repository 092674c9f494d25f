using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.Persistence.Diagnostics;

/// <summary>
/// Logs the SQL EF Core sends, with its duration: every command at Information when <c>Database:LogSql</c> is on, and
/// any command slower than <c>Database:SlowQueryThresholdMilliseconds</c> as a Warning whatever that switch says.
/// An interceptor rather than EF's <c>LogTo</c>, so the duration, the level and what is said of parameters are decided
/// here: values appear only with <c>Database:LogSqlParameters</c>, because they carry emails, hashes and tokens.
/// </summary>
internal sealed class SqlCommandLogger(IOptions<DatabaseOptions> options, ILogger<SqlCommandLogger> logger)
    : DbCommandInterceptor
{
    private const string ExecutedTemplate =
        "SQL command took {ElapsedMilliseconds} ms [{Parameters}]{NewLine}{CommandText}";
    private const string SlowTemplate =
        "Slow SQL command took {ElapsedMilliseconds} ms, over {ThresholdMilliseconds} ms "
        + "[{Parameters}]{NewLine}{CommandText}";
    private const string FailedTemplate =
        "SQL command failed after {ElapsedMilliseconds} ms [{Parameters}]{NewLine}{CommandText}";

    private readonly DatabaseOptions _options = options.Value;

    /// <summary>Whether the settings ask for anything to be logged; the interceptor is registered only then.</summary>
    public static bool IsEnabled(DatabaseOptions options) =>
        options.LogSql || options.SlowQueryThresholdMilliseconds > 0;

    // A reader is logged when it is disposed, so its duration covers reading the rows, not only the first round trip.
    public override InterceptionResult DataReaderDisposing(
        DbCommand command,
        DataReaderDisposingEventData eventData,
        InterceptionResult result)
    {
        LogExecuted(command, eventData.Duration);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LogExecuted(command, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        LogExecuted(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LogExecuted(command, eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        object? result,
        CancellationToken cancellationToken = default)
    {
        LogExecuted(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        LogFailed(command, eventData.Duration);

    public override Task CommandFailedAsync(
        DbCommand command,
        CommandErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        LogFailed(command, eventData.Duration);
        return Task.CompletedTask;
    }

    private void LogExecuted(DbCommand command, TimeSpan duration)
    {
        var milliseconds = Math.Round(duration.TotalMilliseconds, 1);
        if (IsSlow(duration) && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning(
                SlowTemplate,
                milliseconds,
                _options.SlowQueryThresholdMilliseconds,
                Parameters(command),
                Environment.NewLine,
                command.CommandText);
        }
        else if (_options.LogSql && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                ExecutedTemplate, milliseconds, Parameters(command), Environment.NewLine, command.CommandText);
        }
    }

    // EF logs the error itself; this adds the command in the same shape as the others, when SQL logging is on.
    private void LogFailed(DbCommand command, TimeSpan duration)
    {
        if (_options.LogSql && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                FailedTemplate,
                Math.Round(duration.TotalMilliseconds, 1),
                Parameters(command),
                Environment.NewLine,
                command.CommandText);
        }
    }

    private bool IsSlow(TimeSpan duration) =>
        _options.SlowQueryThresholdMilliseconds > 0
        && duration.TotalMilliseconds >= _options.SlowQueryThresholdMilliseconds;

    private string Parameters(DbCommand command) =>
        SqlParameterText.Format(command.Parameters, _options.LogSqlParameters);
}
