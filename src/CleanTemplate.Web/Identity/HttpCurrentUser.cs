using System.Globalization;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CleanTemplate.Web.Identity;

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public int? Id =>
        int.TryParse(
            accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var id)
            ? id
            : null;

    public DateTimeOffset? SignedInAt =>
        long.TryParse(
            accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Iat)?.Value,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
