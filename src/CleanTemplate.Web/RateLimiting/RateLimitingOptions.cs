namespace CleanTemplate.Web.RateLimiting;

/// <summary>Bound from <c>RateLimiting</c>: how often the endpoints attackers hammer may be called.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts from one client address.</summary>
    public FixedWindowLimit LoginPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Sign-in attempts for one account (the email in the body), from any address.</summary>
    public FixedWindowLimit LoginPerAccount { get; set; } = new() { PermitLimit = 5, WindowSeconds = 60 };

    /// <summary>Registrations from one client address.</summary>
    public FixedWindowLimit RegistrationPerAddress { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
}
