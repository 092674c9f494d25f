using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users.Events;

namespace CleanTemplate.Domain.Users;

/// <summary>An account: credentials and identity. Its public face is <see cref="UserProfile"/> (one-to-one).</summary>
public sealed class User : AuditableEntity<int>
{
    public const int UsernameMaxLength = 64;
    public const int EmailMaxLength = 256;

    private User()
    {
    }

    public string Username { get; private set; } = null!;

    /// <summary>Stored lower-cased so the unique index treats addresses case-insensitively.</summary>
    public string Email { get; private set; } = null!;

    public string PasswordHash { get; private set; } = null!;

    public UserProfile Profile { get; private set; } = null!;

    public static User Register(string username, string email, string passwordHash)
    {
        var user = new User
        {
            Username = username,
            Email = NormalizeEmail(email),
            PasswordHash = passwordHash,
            Profile = new UserProfile(),
        };
        user.Raise(new UserRegistered(user));
        return user;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public void ChangeUsername(string username) => Username = username;

    public void ChangeEmail(string email) => Email = NormalizeEmail(email);

    public void ChangePasswordHash(string passwordHash) => PasswordHash = passwordHash;
}
