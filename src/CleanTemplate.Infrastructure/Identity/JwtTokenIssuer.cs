using System.Security.Claims;
using System.Text;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Infrastructure.Identity;

internal sealed class JwtTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock, KnownUsers knownUsers)
    : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(int userId, string username)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        // Every caller has just read or written this user, so the token's first requests need not look it up again.
        knownUsers.Remember(userId);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim(
                    JwtRegisteredClaimNames.Sub, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(JwtRegisteredClaimNames.UniqueName, username),
            ]),
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(settings.Lifetime),
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKey(JwtOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey!));
}
