using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Tells whether a transaction whose COMMIT lost its reply did commit, so a retrying execution strategy replays only
/// what was not written: the transaction id is asked for inside the transaction, its fate after the failure.
/// </summary>
internal sealed class CommitMarker(DbContext db)
{
    private long? _transactionId;

    /// <summary>True from the second attempt on: the previous one failed and was rolled back.</summary>
    public bool IsReplay { get; private set; }

    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        IsReplay = _transactionId is not null;
        // pg_current_xact_id (PostgreSQL 13+) assigns the id now; xid8 has no bigint cast, text has both ways.
        _transactionId = await db.Database
            .SqlQuery<long>($"SELECT pg_current_xact_id()::text::bigint AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    /// <summary>Asked by EF only when the commit's outcome is unknown; one query, on a fresh connection.</summary>
    public async Task<bool> CommittedAsync(CancellationToken cancellationToken)
    {
        if (_transactionId is not { } transactionId)
            return false;

        var status = await db.Database
            .SqlQuery<string>($"SELECT pg_xact_status({transactionId}::text::xid8) AS \"Value\"")
            .SingleAsync(cancellationToken);
        // 'in progress' (the server is still committing) or null (too old to know): neither replay nor claim success.
        return status switch
        {
            "committed" => true,
            "aborted" => false,
            _ => throw new CommitOutcomeUnknownException(transactionId, status),
        };
    }
}
