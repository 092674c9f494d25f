using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Users;

public sealed class RateLimitingTests(RateLimitingTests.LimitedFactory factory)
    : IClassFixture<RateLimitingTests.LimitedFactory>, IAsyncLifetime
{
    /// <summary>Rate limiting on, two requests per hour-long window: no test here can outlast a window.</summary>
    public sealed class LimitedFactory : WebApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:Enabled", "true");
            foreach (var limit in new[] { "LoginPerAddress", "LoginPerAccount", "RegistrationPerAddress" })
            {
                builder.UseSetting($"RateLimiting:{limit}:PermitLimit", "2");
                builder.UseSetting($"RateLimiting:{limit}:WindowSeconds", "3600");
            }
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
    }

    public Task InitializeAsync() => factory.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sign_ins_past_the_address_limit_answer_429_while_another_address_still_signs_in()
    {
        var user = await RegisterAsync("jake", "10.0.1.1");

        await LoginAsync("10.0.1.2", "a@example.com", "wrong-password");
        await LoginAsync("10.0.1.2", "b@example.com", "wrong-password");
        var refused = await LoginAsync("10.0.1.2", user, "password1");
        var other = await LoginAsync("10.0.1.3", user, "password1");

        await ShouldBeRateLimitedAsync(refused);
        (await other.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("email").GetString()
            .ShouldBe(user);
    }

    [Fact]
    public async Task Sign_ins_past_the_account_limit_answer_429_from_any_address_while_another_account_still_signs_in()
    {
        var target = await RegisterAsync("anna", "10.0.2.1");
        var bystander = await RegisterAsync("sam", "10.0.2.1");

        await LoginAsync("10.0.2.2", target, "wrong-password");
        await LoginAsync("10.0.2.3", target.ToUpperInvariant(), "wrong-password");
        var refused = await LoginAsync("10.0.2.4", target, "password1");
        var other = await LoginAsync("10.0.2.4", bystander, "password1");

        await ShouldBeRateLimitedAsync(refused);
        (await other.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("email").GetString()
            .ShouldBe(bystander);
    }

    [Fact]
    public async Task Registrations_past_the_address_limit_answer_429_and_write_nothing_while_others_register()
    {
        await RegisterAsync("first", "10.0.3.1");
        await RegisterAsync("second", "10.0.3.1");

        var refused = await PostAsync("/api/users", "10.0.3.1", NewUser("third"));
        var other = await PostAsync("/api/users", "10.0.3.2", NewUser("fourth"));

        await ShouldBeRateLimitedAsync(refused);
        (await other.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("user").GetProperty("username").GetString()
            .ShouldBe("fourth");
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users WHERE username = 'third'")).ShouldBe(0);
        (await factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(3);
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Too many requests.");
        response.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    private async Task<string> RegisterAsync(string username, string address)
    {
        var response = await PostAsync("/api/users", address, NewUser(username));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return $"{username}@example.com";
    }

    private static object NewUser(string username) =>
        new { user = new { username, email = $"{username}@example.com", password = "password1" } };

    private Task<HttpResponseMessage> LoginAsync(string address, string email, string password) =>
        PostAsync("/api/users/login", address, new { user = new { email, password } });

    private Task<HttpResponseMessage> PostAsync(string path, string address, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(ClientAddressFromHeader.HeaderName, address);
        return factory.CreateClient().SendAsync(request);
    }
}
