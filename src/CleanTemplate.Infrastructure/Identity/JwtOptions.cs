namespace CleanTemplate.Infrastructure.Identity;

/// <summary>Bound from the <c>Jwt</c> section. Tokens are HS256-signed with <see cref="SigningKey"/>.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "CleanTemplate";

    public string Audience { get; set; } = "CleanTemplate";

    /// <summary>
    /// At least 32 bytes (UTF-8). Never commit it: use user secrets or the <c>Jwt__SigningKey</c> environment variable.
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a token's user, once found, counts as existing without asking the database again (zero: ask on every
    /// request). A user deleted meanwhile can still read for that long; their writes are refused at once.
    /// </summary>
    public TimeSpan KnownUserCacheDuration { get; set; } = TimeSpan.FromMinutes(1);
}
