using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// The fallback for endpoints that accept a caller without requiring one (the article list, a profile): a token that
/// was sent and refused answers 401 there too, rather than the request running as anonymous. Requests without a token
/// are unaffected; sign-in and registration allow anonymous callers explicitly, so a stale token never blocks them.
/// </summary>
internal static class RefusedTokenPolicy
{
    public static AuthorizationPolicy Create() => new AuthorizationPolicyBuilder()
        .RequireAssertion(async context =>
            context.Resource is not HttpContext http || (await http.AuthenticateAsync()).Failure is null)
        .Build();
}
