using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Identity;

namespace CleanTemplate.TestSupport.Builders;

/// <summary>Users for the arrange step: unique names, and one password hashed once per run (hashing is slow).</summary>
public static class TestUsers
{
    public const string Password = "correct horse battery staple";
    private static readonly Lazy<string> PasswordHash = new(() => new PasswordHasher().Hash(Password));
    private static int _sequence;

    public static string UniqueName(string prefix = "user") => $"{prefix}{Interlocked.Increment(ref _sequence)}";

    public static User New(string? username = null, string? email = null)
    {
        username ??= UniqueName();
        return User.Register(username, email ?? $"{username}@example.com", PasswordHash.Value);
    }
}
