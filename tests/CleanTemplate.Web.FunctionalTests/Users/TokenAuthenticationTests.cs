using System.Net;
using System.Net.Http.Json;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Web.FunctionalTests.Users;

public sealed class TokenAuthenticationTests(WebApiFactory factory) : ApiTest(factory)
{
    private static readonly Dictionary<string, Action<SecurityTokenDescriptor>> Refusals = new()
    {
        ["another key"] = token => token.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(new byte[48]), SecurityAlgorithms.HmacSha256),
        ["expired"] = token => (token.IssuedAt, token.NotBefore, token.Expires) =
            (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-2)),
        ["another issuer"] = token => token.Issuer = "SomeoneElse",
        ["another audience"] = token => token.Audience = "SomeoneElse",
        ["alg none"] = token => token.SigningCredentials = null,
        ["HS512 with the app's key"] = token => token.SigningCredentials =
            new SigningCredentials(TestTokens.AppKey, SecurityAlgorithms.HmacSha512),
        ["RS256"] = token => token.SigningCredentials = TestTokens.Rs256(),
    };

    public static TheoryData<string> RefusedTokens => [.. Refusals.Keys];

    [Theory]
    [InlineData("Token")]
    [InlineData("Bearer")]
    [InlineData("token")]
    public async Task A_token_signed_as_the_app_signs_is_accepted_under_either_scheme(string scheme)
    {
        var (user, _) = await Factory.SignedInUserAsync();
        using var request = TestTokens.Request(HttpMethod.Get, "/api/user", TestTokens.For(user.Id), scheme);

        var response = await Anonymous.SendAsync(request);

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user");
        body.GetProperty("email").GetString().ShouldBe(user.Email);
    }

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_token_is_401_with_the_token_challenge(string refusal)
    {
        var (user, _) = await Factory.SignedInUserAsync();
        using var request = TestTokens.Request(HttpMethod.Get, "/api/user", TestTokens.For(user.Id, Refusals[refusal]));

        var response = await Anonymous.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Token");
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_still_accepted()
    {
        var (user, _) = await Factory.SignedInUserAsync();
        var token = TestTokens.For(user.Id, token => (token.IssuedAt, token.NotBefore, token.Expires) =
            (DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddSeconds(-10)));
        using var request = TestTokens.Request(HttpMethod.Get, "/api/user", token);

        var response = await Anonymous.SendAsync(request);

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("username")
            .GetString().ShouldBe(user.Username);
    }

    //#if (conduit)
    [Fact]
    public async Task A_refused_token_is_401_where_a_caller_is_optional_and_anonymous_callers_are_not()
    {
        var (user, _) = await Factory.SignedInUserAsync();
        await Factory.SaveArticleAsync(user);
        var expired = TestTokens.For(user.Id, Refusals["expired"]);
        using var request = TestTokens.Request(HttpMethod.Get, "/api/articles", expired);

        var refused = await Anonymous.SendAsync(request);
        var anonymous = await Anonymous.GetAsync("/api/articles");

        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await anonymous.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("articlesCount").GetInt32().ShouldBe(1);
    }
    //#endif

    [Fact]
    public async Task A_client_with_a_refused_token_can_still_sign_in()
    {
        var (user, _) = await Factory.SignedInUserAsync();
        var expired = TestTokens.For(user.Id, Refusals["expired"]);
        using var request = TestTokens.Request(HttpMethod.Post, "/api/users/login", expired);
        request.Content = JsonContent.Create(new { user = new { email = user.Email, password = TestUsers.Password } });

        var response = await Anonymous.SendAsync(request);

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("username")
            .GetString().ShouldBe(user.Username);
    }

    //#if (conduit)
    [Fact]
    public async Task A_token_users_existence_is_looked_up_once_then_remembered()
    {
        var user = TestUsers.New();
        await Factory.SaveAsync(user);
        var article = await Factory.SaveArticleAsync(user);
        var token = TestTokens.For(user.Id);

        var counts = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            Factory.QueryCounter.Reset();
            using var request = TestTokens.Request(HttpMethod.Get, $"/api/articles/{article.Slug}", token);
            (await Anonymous.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
            counts.Add(Factory.QueryCounter.Count);
        }

        counts.ShouldBe([2, 1], string.Join("\n", Factory.QueryCounter.Commands));
    }
    //#endif
}
