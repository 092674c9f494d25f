using CleanTemplate.Application.Common.Interfaces;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Recognises an unavailable database by Npgsql's own signals, never by message text, through any wrappers (EF's
/// <c>DbUpdateException</c>, its transient-failure <c>InvalidOperationException</c>, and
/// <c>RetryLimitExceededException</c>, whose inner exception is the last attempt's failure).
/// </summary>
internal sealed class TransientFailureDetector : ITransientFailureDetector
{
    public bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Npgsql calls a deadlock or a serialization failure transient too, but those are the request's own
                // conflicts with other writers, not an outage: only the server's "cannot serve now" states count.
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                // Client side: a refused or dropped connection, a timeout, a pool with no free connection in time.
                case NpgsqlException { IsTransient: true }:
                // A lost commit reply the server cannot resolve yet: neither replayed nor claimed as written.
                case CommitOutcomeUnknownException:
                    return true;
            }
        }

        return false;
    }

    // Class 08: connection exceptions; 53: insufficient resources (too many connections, out of memory, disk full);
    // 58: the server's own system errors (I/O); 57P01-57P03: shut down, crashed, starting up.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow;
}
