namespace CleanTemplate.Application.Common.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyStore.TryReserveAsync"/>: exactly one of the nested cases.</summary>
public abstract record IdempotencyReservation
{
    private IdempotencyReservation()
    {
    }

    /// <summary>The key is now this request's: run it, then complete or release the key.</summary>
    public sealed record Reserved : IdempotencyReservation;

    /// <summary>The same request already ran under this key; answer with the bytes it was completed with.</summary>
    public sealed record Replay(byte[] Answer) : IdempotencyReservation;

    /// <summary>The key was used for a different request: another request hash.</summary>
    public sealed record Mismatch : IdempotencyReservation;

    /// <summary>The first request with this key has not finished yet.</summary>
    public sealed record InFlight : IdempotencyReservation;
}
