using System.Threading.RateLimiting;

namespace CleanTemplate.Web.RateLimiting;

/// <summary>
/// The per-account sign-in limit. ASP.NET Core's rate-limiting middleware picks a partition before the body is read,
/// so the account's limit is taken by an endpoint filter (<see cref="LoginAccountRateLimitFilter"/>) once it is bound.
/// </summary>
internal sealed class LoginAccountLimiter(RateLimitingOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        options.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(account, _ => options.LoginPerAccount.ToLimiterOptions())
            : RateLimitPartition.GetNoLimiter(string.Empty));

    // Emails are compared case-insensitively everywhere else, so are their limits.
    public RateLimitLease Acquire(string email) => _limiter.AttemptAcquire(email.Trim().ToUpperInvariant());

    public void Dispose() => _limiter.Dispose();
}
