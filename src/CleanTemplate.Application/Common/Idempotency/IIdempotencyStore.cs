namespace CleanTemplate.Application.Common.Idempotency;

/// <summary>
/// Remembers which requests a caller already made under an idempotency key, and what they answered, so a retry
/// replays the first answer instead of running the use case again. Transport-neutral: the caller says what tells two
/// requests apart (<c>requestHash</c>) and how an answer is written down (<c>answer</c>); the store compares the one
/// and keeps the other as opaque bytes.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for a request with fingerprint <paramref name="requestHash"/>, or reports why it
    /// cannot: the key already answered (replay), belongs to a different request, or is still being processed.
    /// An expired key counts as unused.
    /// </summary>
    Task<IdempotencyReservation> TryReserveAsync(
        string scope, string key, byte[] requestHash, CancellationToken cancellationToken);

    /// <summary>Records a reserved key's answer; later requests with it replay <paramref name="answer"/>.</summary>
    Task CompleteAsync(string scope, string key, byte[] answer, CancellationToken cancellationToken);

    /// <summary>Gives up a reserved key without an answer, so the client may retry with it.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
