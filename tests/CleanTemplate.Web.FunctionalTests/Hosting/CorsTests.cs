using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CleanTemplate.Web.FunctionalTests.Hosting;

public sealed class CorsTests(CorsTests.RestrictedOriginsFactory factory)
    : IClassFixture<CorsTests.RestrictedOriginsFactory>
{
    private const string Allowed = "https://conduit.example.com";

    /// <summary>The host with <c>Cors:AllowedOrigins</c> configured.</summary>
    public sealed class RestrictedOriginsFactory : WebApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cors:AllowedOrigins:0", Allowed);
        }
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_origin_and_headers()
    {
        using var preflight = Preflight(Allowed);

        var response = await factory.CreateClient().SendAsync(preflight);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Allowed]);
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant()
            .ShouldContain("CONTENT-TYPE");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")).ShouldContain("PUT");
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        using var preflight = Preflight("https://evil.example.com");

        var response = await factory.CreateClient().SendAsync(preflight);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/user");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        return request;
    }
}
