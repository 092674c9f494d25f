using System.Security.Cryptography;

namespace CleanTemplate.TestSupport;

/// <summary>Configuration every test host shares. The signing key is random per run: no secret is committed.</summary>
public static class TestSettings
{
    public static string JwtSigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static IReadOnlyDictionary<string, string?> For(string connectionString) => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Database"] = connectionString,
        ["Jwt:SigningKey"] = JwtSigningKey,
        // User transactions in tests (rollback isolation) cannot run under a retrying execution strategy.
        ["Database:MaxRetryCount"] = "0",
        ["Database:MigrateOnStartup"] = "false",
        //#if (conduit)
        // Tests run background jobs on demand, never on a timer.
        ["Jobs:TagStatistics:IntervalSeconds"] = "0",
        //#endif
        // Tests sign in far more often than any limit allows; the rate-limiting tests turn it on.
        ["RateLimiting:Enabled"] = "false",
    };
}
