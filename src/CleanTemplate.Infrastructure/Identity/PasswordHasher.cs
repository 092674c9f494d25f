using Microsoft.AspNetCore.Identity;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (versioned format, so parameters can be raised later).</summary>
internal sealed class PasswordHasher : Application.Common.Interfaces.IPasswordHasher
{
    private static readonly object AnyUser = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(AnyUser, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(AnyUser, hash, password) != PasswordVerificationResult.Failed;
}
