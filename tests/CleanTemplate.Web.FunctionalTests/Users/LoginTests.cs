using System.Net;
using System.Net.Http.Json;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Users;

public sealed class LoginTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Logging_in_answers_200_with_user_and_token()
    {
        var (user, _) = await Factory.SignedInUserAsync();

        var response = await Anonymous.PostAsJsonAsync(
            "/api/users/login", new { user = new { email = user.Email, password = TestUsers.Password } });

        var body = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("user");
        body.GetProperty("username").GetString().ShouldBe(user.Username);
        body.GetProperty("token").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_wrong_password_answers_401_exactly_like_an_unknown_email()
    {
        var (user, _) = await Factory.SignedInUserAsync();

        var wrongPassword = await Anonymous.PostAsJsonAsync(
            "/api/users/login", new { user = new { email = user.Email, password = "wrong password" } });
        var unknownEmail = await Anonymous.PostAsJsonAsync(
            "/api/users/login", new { user = new { email = "nobody@example.com", password = TestUsers.Password } });

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        first.GetProperty("detail").GetString().ShouldBe(second.GetProperty("detail").GetString());
        first.GetProperty("detail").GetString()!.ShouldNotContain("password was", Case.Insensitive);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_with_errors_a_frontend_shows()
    {
        var (user, _) = await Factory.SignedInUserAsync();

        var response = await Anonymous.PostAsJsonAsync(
            "/api/users/login", new { user = new { email = user.Email, password = "wrong password" } });

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("errors");
        errors.ShouldHaveExactlyProperties("email or password");
        errors.GetProperty("email or password")[0].GetString().ShouldBe("is invalid");
    }

    [Fact]
    public async Task A_NUL_character_in_the_email_answers_422_naming_the_field()
    {
        var response = await Anonymous.PostAsJsonAsync(
            "/api/users/login", new { user = new { email = "a\u0000b", password = "x" } });

        var errors = await response.ShouldBeValidationProblemAsync("email");
        errors.GetProperty("email")[0].GetString()!.ShouldContain("NUL");
    }

    [Fact]
    public async Task Missing_credentials_answer_422()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/users/login", new { user = new { email = "" } });

        await response.ShouldBeValidationProblemAsync("email", "password");
    }
}
