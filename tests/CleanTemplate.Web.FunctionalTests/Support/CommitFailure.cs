using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// Once armed, ends the app's server session at its next COMMIT so that the commit call fails with the error of the
/// ended session: either before the server committed (nothing was written) or after it (only the reply was lost,
/// the failure a retrying execution strategy cannot tell from the first).
/// </summary>
public sealed class CommitFailure(Func<string> adminConnectionString) : DbTransactionInterceptor
{
    private const int Disarmed = 0;
    private const int BeforeCommit = 1;
    private const int AfterCommit = 2;
    private int _armed;

    /// <summary>How many commits it failed since it was last armed; a test asserts it did fail one.</summary>
    public int Failed { get; private set; }

    public void ArmBeforeCommit() => Arm(BeforeCommit);

    public void ArmAfterCommit() => Arm(AfterCommit);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        // The COMMIT that follows goes to an ended session and fails for real.
        if (Disarm(BeforeCommit))
            await EndSessionAsync(transaction.Connection!);
        return result;
    }

    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Disarm(AfterCommit))
            return;

        var connection = eventData.Context!.Database.GetDbConnection();
        await EndSessionAsync(connection);
        // The ended session's own error, raised from the commit call as if COMMIT's reply had been the message lost.
        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT 1";
        await probe.ExecuteScalarAsync(cancellationToken);
        throw new InvalidOperationException("The ended session still answered.");
    }

    private void Arm(int moment)
    {
        Failed = 0;
        Interlocked.Exchange(ref _armed, moment);
    }

    private bool Disarm(int moment) => Interlocked.CompareExchange(ref _armed, Disarmed, moment) == moment;

    private async Task EndSessionAsync(DbConnection connection)
    {
        await ServerSessions.EndAsync(adminConnectionString(), connection);
        Failed++;
    }
}
