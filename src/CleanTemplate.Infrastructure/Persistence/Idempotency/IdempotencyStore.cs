using CleanTemplate.Application.Common.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.Persistence.Idempotency;

/// <summary>
/// <see cref="IIdempotencyStore"/> on the <c>idempotency_keys</c> table. Times come from the database clock
/// (<c>now()</c>), so app instances whose clocks drift apart still agree on when a key expires.
/// </summary>
internal sealed class IdempotencyStore(ApplicationDbContext db, IOptions<IdempotencyOptions> options)
    : IIdempotencyStore
{
    // Each reservation also deletes up to this many expired keys of any caller: the table is purged at the pace
    // keys are added, with no scheduled job and no single request paying for a large backlog.
    private const int PurgeBatchSize = 100;

    private IQueryable<IdempotencyKeyRecord> Keys => db.Set<IdempotencyKeyRecord>().AsNoTracking();

    public async Task<IdempotencyReservation> TryReserveAsync(
        string scope, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        await DeleteExpiredAsync(scope, key, cancellationToken);

        // PostgreSQL upsert: of concurrent requests with the same key, the unique primary key on (scope, key) lets
        // exactly one insert through; the others wait for it to commit, then do nothing (0 rows) and read its row.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_keys (scope, key, request_hash, expires_at)
            VALUES ({scope}, {key}, {requestHash}, now() + make_interval(hours => {options.Value.RetentionHours}))
            ON CONFLICT (scope, key) DO NOTHING
            """,
            cancellationToken);
        if (inserted == 1)
            return new IdempotencyReservation.Reserved();

        var existing = await Keys
            .Where(record => record.Scope == scope && record.Key == key)
            .Select(record => new { record.RequestHash, record.Answer })
            .SingleOrDefaultAsync(cancellationToken);

        // No row: the request holding the key released it (it failed) just now; the client may retry at once.
        if (existing is null)
            return new IdempotencyReservation.InFlight();
        if (!existing.RequestHash.AsSpan().SequenceEqual(requestHash))
            return new IdempotencyReservation.Mismatch();
        return existing.Answer is { } answer
            ? new IdempotencyReservation.Replay(answer)
            : new IdempotencyReservation.InFlight();
    }

    public Task CompleteAsync(string scope, string key, byte[] answer, CancellationToken cancellationToken) =>
        Reservation(scope, key).ExecuteUpdateAsync(
            setters => setters.SetProperty(record => record.Answer, answer), cancellationToken);

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        Reservation(scope, key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The key while its request is in flight: never touches a key that already has its answer.</summary>
    private IQueryable<IdempotencyKeyRecord> Reservation(string scope, string key) =>
        db.Set<IdempotencyKeyRecord>()
            .Where(record => record.Scope == scope && record.Key == key && record.Answer == null);

    // The expired row of this key goes first, so the insert that follows can take the key again. The purge picks
    // its batch with FOR UPDATE SKIP LOCKED: concurrent purges split the expired rows instead of queueing on them.
    private async Task DeleteExpiredAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM idempotency_keys WHERE scope = {scope} AND key = {key} AND expires_at <= now();
            DELETE FROM idempotency_keys WHERE (scope, key) IN (
                SELECT scope, key FROM idempotency_keys WHERE expires_at <= now()
                ORDER BY expires_at LIMIT {PurgeBatchSize} FOR UPDATE SKIP LOCKED)
            """,
            cancellationToken);
}
