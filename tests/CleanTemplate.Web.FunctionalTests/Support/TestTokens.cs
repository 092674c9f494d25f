using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CleanTemplate.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// Tokens made by hand, not by the app's issuer: as the app would sign them unless <c>change</c> alters something,
/// and unknown to the app until it sees them (as if issued by another instance, or before a database restore).
/// </summary>
internal static class TestTokens
{
    public static readonly SymmetricSecurityKey AppKey = new(Encoding.UTF8.GetBytes(TestSettings.JwtSigningKey));

    public static string For(int userId, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString(CultureInfo.InvariantCulture)),
                new Claim(JwtRegisteredClaimNames.UniqueName, $"user{userId}"),
            ]),
            Issuer = "CleanTemplate",
            Audience = "CleanTemplate",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(AppKey, SecurityAlgorithms.HmacSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SigningCredentials Rs256() => new(new RsaSecurityKey(RSA.Create(2048)), SecurityAlgorithms.RsaSha256);

    /// <summary>A request carrying <paramref name="token"/> under <paramref name="scheme"/>.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string token, string scheme = "Token")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        return request;
    }
}
