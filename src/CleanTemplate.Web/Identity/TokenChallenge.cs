namespace CleanTemplate.Web.Identity;

/// <summary>
/// A 401 answered by a use case or the exception handler carries the same <c>WWW-Authenticate: Token</c> challenge
/// as one answered by the authentication scheme, as every 401 must.
/// </summary>
internal sealed class TokenChallenge(IResult problem) : IResult
{
    public const string Scheme = "Token";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.WWWAuthenticate = Scheme;
        return problem.ExecuteAsync(httpContext);
    }
}
