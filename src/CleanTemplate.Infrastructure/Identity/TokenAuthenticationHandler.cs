using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// Reads <c>Authorization: Token &lt;jwt&gt;</c> (the RealWorld scheme) or <c>Bearer &lt;jwt&gt;</c> and validates the
/// HS256 token with <see cref="JsonWebTokenHandler"/>. A small handler instead of the JwtBearer package, which does
/// not restore on every machine (see docs/decisions).
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<JwtOptions> jwtOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Token";
    private static readonly string[] AcceptedSchemes = ["Token", "Bearer"];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
            return AuthenticateResult.NoResult();

        var parts = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !AcceptedSchemes.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var settings = jwtOptions.Value;
        var result = await _handler.ValidateTokenAsync(parts[1], new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = JwtTokenIssuer.SigningKey(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = JwtRegisteredClaimNames.UniqueName,
        });
        if (!result.IsValid)
            return AuthenticateResult.Fail("The token is invalid or has expired.");

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return base.HandleChallengeAsync(properties);
    }
}
