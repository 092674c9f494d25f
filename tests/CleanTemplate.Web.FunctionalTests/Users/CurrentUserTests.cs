using System.Net;
using System.Net.Http.Json;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Web.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Web.FunctionalTests.Users;

public sealed class CurrentUserTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Without_a_token_the_current_user_is_401_problem_details()
    {
        var response = await Anonymous.GetAsync("/api/user");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Token");
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("Bearer")]
    public async Task Both_token_schemes_are_accepted(string scheme)
    {
        var (user, _) = await Factory.SignedInUserAsync();
        var token = Factory.Services.GetRequiredService<ITokenIssuer>().Issue(user.Id, user.Username);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");

        var response = await Anonymous.SendAsync(request);

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("user").GetProperty("email").GetString()
            .ShouldBe(user.Email);
    }

    [Fact]
    public async Task A_tampered_token_is_401()
    {
        var (user, _) = await Factory.SignedInUserAsync();
        var token = Factory.Services.GetRequiredService<ITokenIssuer>().Issue(user.Id, user.Username);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token[..^4]}AAAA");

        var response = await Anonymous.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reading_the_current_user_costs_one_query()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.GetAsync("/api/user");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Fact]
    public async Task An_empty_password_leaves_the_password_as_it_was_and_saves_the_bio()
    {
        var (user, client) = await Factory.SignedInUserAsync();
        var hashBefore = await Factory.ScalarAsync<string>(
            "SELECT password_hash FROM users WHERE id = @id", ("id", user.Id));

        var response = await client.PutAsJsonAsync("/api/user", new { user = new { bio = "New bio", password = "" } });

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user").GetProperty("bio").GetString()
            .ShouldBe("New bio");
        (await Factory.ScalarAsync<string>("SELECT bio FROM user_profiles WHERE id = @id", ("id", user.Id)))
            .ShouldBe("New bio");
        (await Factory.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", ("id", user.Id)))
            .ShouldBe(hashBefore);
    }

    [Fact]
    public async Task A_blank_password_still_answers_422()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.PutAsJsonAsync(
            "/api/user", new { user = new { bio = "New bio", password = "   " } });

        await response.ShouldBeValidationProblemAsync("password");
    }

    [Fact]
    public async Task Updating_the_user_answers_the_new_state_and_stores_it()
    {
        var (user, client) = await Factory.SignedInUserAsync();

        var response = await client.PutAsJsonAsync("/api/user", new
        {
            user = new
            {
                email = "new@example.com", bio = "I like to skateboard", image = "https://i.stack.imgur.com/xHWG8.jpg",
            },
        });

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user");
        body.GetProperty("email").GetString().ShouldBe("new@example.com");
        body.GetProperty("bio").GetString().ShouldBe("I like to skateboard");
        (await Factory.ScalarAsync<string>("SELECT email FROM users WHERE id = @id", ("id", user.Id)))
            .ShouldBe("new@example.com");
        (await Factory.ScalarAsync<string>("SELECT image FROM user_profiles WHERE id = @id", ("id", user.Id)))
            .ShouldBe("https://i.stack.imgur.com/xHWG8.jpg");
    }

    [Fact]
    public async Task Updating_to_a_taken_username_answers_422_and_changes_nothing()
    {
        var (other, _) = await Factory.SignedInUserAsync();
        var (user, client) = await Factory.SignedInUserAsync();

        var response = await client.PutAsJsonAsync(
            "/api/user", new { user = new { username = other.Username, bio = "changed" } });

        await response.ShouldBeValidationProblemAsync("username");
        (await Factory.ScalarAsync<string>("SELECT username FROM users WHERE id = @id", ("id", user.Id)))
            .ShouldBe(user.Username);
        (await Factory.ScalarAsync<string>("SELECT bio FROM user_profiles WHERE id = @id", ("id", user.Id)))
            .ShouldBeNull();
    }

    [Fact]
    public async Task Updating_without_a_token_is_401()
    {
        var response = await Anonymous.PutAsJsonAsync("/api/user", new { user = new { bio = "x" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
