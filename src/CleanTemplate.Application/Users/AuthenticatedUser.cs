using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Users;

/// <summary>The RealWorld "User" object: the caller's own account and a fresh token.</summary>
public sealed record AuthenticatedUser(string Email, string Token, string Username, string? Bio, string? Image)
{
    public static AuthenticatedUser From(User user, string token) =>
        new(user.Email, token, user.Username, user.Profile.Bio, user.Profile.Image);
}
