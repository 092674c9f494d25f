namespace CleanTemplate.Web.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: a client-chosen token that makes a POST safe to retry.
/// </summary>
internal static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>1 to <see cref="MaxLength"/> visible ASCII characters: no space, control or non-ASCII letter.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(character => character is >= '!' and <= '~');
}
