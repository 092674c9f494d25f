using System.Net;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class RegistrationIdempotencyTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Repeating_a_registration_with_the_same_key_replays_the_same_token()
    {
        var registration = new { user = new { username = "jake", email = "jake@example.com", password = "password1" } };

        var first = await Anonymous.PostWithKeyAsync("/api/users", registration, "register-jake");
        var second = await Anonymous.PostWithKeyAsync("/api/users", registration, "register-jake");

        var token = (await first.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("user").GetProperty("token").GetString();
        (await second.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("user").GetProperty("token").GetString()
            .ShouldBe(token);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.IsReplay().ShouldBeTrue();
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
        (await Factory.ScalarAsync<string>("SELECT scope FROM idempotency_keys")).ShouldBe("anonymous");
    }
}
