using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// The <c>Token</c> scheme: JwtBearer validating the HS256 tokens <see cref="JwtTokenIssuer"/> signs, with the key,
/// issuer and audience of <see cref="JwtOptions"/> (read after the Development key is set up).
/// </summary>
internal sealed class JwtBearerOptionsSetup(IOptions<JwtOptions> jwtOptions) : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string SchemeName = "Token";

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != SchemeName)
            return;

        var settings = jwtOptions.Value;
        options.MapInboundClaims = false;
        // The challenge is then exactly "WWW-Authenticate: Token", and says nothing of why a token was refused.
        options.Challenge = SchemeName;
        options.IncludeErrorDetails = false;
        options.EventsType = typeof(TokenAuthenticationEvents);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = JwtTokenIssuer.SigningKey(settings),
            // Only what the issuer signs with: `none`, HS512, RS256 and the rest are refused.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = JwtRegisteredClaimNames.UniqueName,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
