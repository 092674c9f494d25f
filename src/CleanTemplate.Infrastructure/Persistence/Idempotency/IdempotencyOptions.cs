namespace CleanTemplate.Infrastructure.Persistence.Idempotency;

/// <summary>Bound from the <c>Idempotency</c> section.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>Hours a key and its stored response are kept; after that the key counts as unused.</summary>
    public int RetentionHours { get; set; } = 24;
}
