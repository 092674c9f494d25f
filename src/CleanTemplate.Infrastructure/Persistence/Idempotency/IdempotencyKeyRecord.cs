namespace CleanTemplate.Infrastructure.Persistence.Idempotency;

/// <summary>
/// A row of <c>idempotency_keys</c>: a key a caller used, the fingerprint of its request and, once answered, the
/// answer in the caller's own encoding. <see cref="Answer"/> is null while the first request is in flight. Not a
/// domain entity: only <see cref="IdempotencyStore"/> reads and writes it.
/// </summary>
internal sealed class IdempotencyKeyRecord
{
    public required string Scope { get; init; }

    public required string Key { get; init; }

    public required byte[] RequestHash { get; init; }

    public byte[]? Answer { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}
