using System.Globalization;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// Reads the RealWorld <c>Authorization: Token &lt;jwt&gt;</c> (JwtBearer reads <c>Bearer</c> itself), and refuses a
/// correctly signed token whose user does not exist (deleted, or a restored database).
/// </summary>
internal sealed class TokenAuthenticationEvents(KnownUsers knownUsers) : JwtBearerEvents
{
    private const string TokenPrefix = JwtBearerOptionsSetup.SchemeName + " ";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        string? header = context.Request.Headers.Authorization;
        if (header is not null && header.StartsWith(TokenPrefix, StringComparison.OrdinalIgnoreCase))
            context.Token = header[TokenPrefix.Length..].Trim();
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (!int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            || !await ExistsAsync(userId, context.HttpContext))
            context.Fail("The token's user does not exist.");
    }

    // The request's context only when the user is not known: resolving it leases one from the pool.
    private async Task<bool> ExistsAsync(int userId, HttpContext http)
    {
        if (knownUsers.Contains(userId))
            return true;
        var db = http.RequestServices.GetRequiredService<ApplicationDbContext>();
        if (!await db.Users.AnyAsync(user => user.Id == userId, http.RequestAborted))
            return false;
        knownUsers.Remember(userId);
        return true;
    }
}
