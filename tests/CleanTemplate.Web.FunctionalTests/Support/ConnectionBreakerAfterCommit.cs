using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// Once armed, ends the app's server session right after the next write commits (a COMMIT, or a write outside a
/// transaction): the database goes away between a commit and whatever the request would send next.
/// </summary>
public sealed class ConnectionBreakerAfterCommit(Func<string> adminConnectionString)
    : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _armed;

    /// <summary>How many sessions it ended since it was last armed; a test asserts it did break one.</summary>
    public int Broken { get; private set; }

    public void Arm()
    {
        Broken = 0;
        Interlocked.Exchange(ref _armed, 1);
    }

    public async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await BreakAsync(eventData.Context!.Database.GetDbConnection());

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (IsAutocommittedWrite(command))
            await BreakAsync(command.Connection!);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (IsAutocommittedWrite(command))
            await BreakAsync(command.Connection!);
        return result;
    }

    private static bool IsAutocommittedWrite(DbCommand command) =>
        command.Transaction is null
        && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private async Task BreakAsync(DbConnection connection)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 0)
            return;

        await ServerSessions.EndAsync(adminConnectionString(), connection);
        Broken++;
    }
}
