using System.Threading.RateLimiting;

namespace CleanTemplate.Web.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per window of <see cref="WindowSeconds"/>; no queue.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    internal FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
    };
}
