using System.Net;
using System.Security.Claims;
using System.Text;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.IdentityModel.Tokens;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>Bad query strings, tokens and headers on every endpoint that reads them.</summary>
public sealed class MalformedRequestTests(WebApiFactory factory) : MalformedInputTest(factory)
{
    // Generating an RSA key takes long enough to matter across a hundred tests.
    private static readonly SigningCredentials Rs256 = TestTokens.Rs256();

    private static readonly string[] SignedInEndpoints =
    [
        "GET /api/user", "PUT /api/user",
        //#if (conduit)
        "GET /api/articles/feed", "POST /api/articles", "PUT /api/articles/{slug}",
        "DELETE /api/articles/{slug}", "POST /api/articles/{slug}/favorite", "DELETE /api/articles/{slug}/favorite",
        "POST /api/articles/{slug}/comments", "DELETE /api/articles/{slug}/comments/1",
        "POST /api/profiles/author/follow", "DELETE /api/profiles/author/follow",
        //#endif
    ];
    //#if (conduit)

    public static TheoryData<string, string> Paging()
    {
        (string Query, string Field)[] cases =
        [
            ("limit=abc", "limit"), ("limit=-1", "limit"), ("limit=0", "limit"), ("limit=101", "limit"),
            ("limit=2147483648", "limit"), ("limit=1e3", "limit"), ("limit=%00", "limit"), ("limit=1&limit=2", "limit"),
            ("offset=-1", "offset"), ("offset=abc", "offset"), ("offset=99999999999", "offset"),
            ("cursor=garbage", "cursor"), ("cursor=%00", "cursor"),
            ("cursor=________________________________", "cursor"), ("tag=%00", "tag"), ("author=a%00", "author"),
            ("favorited=%00b", "favorited"),
        ];
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { "/api/articles", "/api/articles/feed" })
            foreach (var (query, field) in cases)
                if (path == "/api/articles" || field is "limit" or "offset" or "cursor")
                    data.Add($"{path}?{query}", field);
        return data;
    }
    //#endif

    public static TheoryData<string, string> Tokens()
    {
        string[] tokens =
        [
            "expired", "alg none", "wrong key", "RS256", "forged signature", "garbage", "empty", "sub not a number",
        ];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in SignedInEndpoints)
            foreach (var token in tokens)
                data.Add(endpoint, token);
        return data;
    }

    //#if (conduit)
    [Theory]
    [MemberData(nameof(Paging))]
    public async Task Bad_paging_and_filters_answer_422_naming_the_parameter(string pathAndQuery, string field)
    {
        await ArrangeAsync();
        var before = await RowCountsAsync();

        var response = await Client.GetAsync(pathAndQuery);

        ((int)response.StatusCode).ShouldBe(422, await response.Content.ReadAsStringAsync());
        await response.ShouldBeHarmlessAsync(RowCountsAsync, before, field);
    }
    //#endif

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task A_bad_token_answers_401_and_writes_nothing(string endpoint, string token)
    {
        await ArrangeAsync();
        var (method, path) = (endpoint.Split(' ')[0], PathOf(endpoint.Split(' ')[1]));
        var before = await RowCountsAsync();
        using var request = Raw(method, path, method is "POST" or "PUT" ? Utf8("{}") : null);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {TokenFor(token)}");

        var response = await Anonymous.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, await response.Content.ReadAsStringAsync());
        await response.ShouldBeHarmlessAsync(RowCountsAsync, before);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\u00e9t\u00e9")]
    [InlineData("two words")]
    [InlineData("k\u007f")]
    [InlineData("256")]
    public async Task A_malformed_idempotency_key_answers_422_naming_it_and_writes_nothing(string key)
    {
        await ArrangeAsync();
        var before = await RowCountsAsync();
        var endpoint = WriteEndpoint.Named("register");
        using var request = Raw(endpoint.Method, PathOf(endpoint), Utf8(endpoint.ValidBody));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key == "256" ? new string('k', 256) : key);

        var response = await Client.SendAsync(request);

        await response.ShouldBeHarmlessAsync(RowCountsAsync, before, "Idempotency-Key");
    }
    //#if (conduit)

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"abc\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"99999999999999999999\"")]
    public async Task A_malformed_if_match_answers_4xx_and_writes_nothing(string ifMatch)
    {
        await ArrangeAsync();
        var before = await RowCountsAsync();
        var endpoint = WriteEndpoint.Named("update article");
        using var request = Raw(endpoint.Method, PathOf(endpoint), Utf8(endpoint.ValidBody));
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var response = await Client.SendAsync(request);

        await response.ShouldBeHarmlessAsync(RowCountsAsync, before);
    }
    //#endif

    private string TokenFor(string kind) => kind switch
    {
        "expired" => TestTokens.For(Author.Id, token =>
        {
            token.IssuedAt = token.NotBefore = DateTime.UtcNow.AddHours(-2);
            token.Expires = DateTime.UtcNow.AddHours(-1);
        }),
        "alg none" => string.Join('.', Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"),
            TestTokens.For(Author.Id).Split('.')[1], ""),
        "wrong key" => TestTokens.For(Author.Id, token => token.SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('w', 64))), SecurityAlgorithms.HmacSha256)),
        "RS256" => TestTokens.For(Author.Id, token => token.SigningCredentials = Rs256),
        "forged signature" => TestTokens.For(Author.Id)[..^4] + "AAAA",
        "garbage" => "not.a.token",
        "empty" => "",
        "sub not a number" => TestTokens.For(
            Author.Id, token => token.Subject = new ClaimsIdentity([new Claim("sub", "abc")])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(json);
}
