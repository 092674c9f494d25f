using System.Net;
using System.Net.Http.Json;
using System.Text;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Users;

public sealed class RegistrationTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Registering_answers_201_with_the_spec_user_object()
    {
        var response = await Anonymous.PostAsJsonAsync(
            "/api/users", new { user = new { username = "Jacob", email = "jake@jake.jake", password = "jakejake" } });

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var user = body.GetProperty("user");
        user.EnumerateObject().Select(property => property.Name)
            .ShouldBe(["email", "token", "username", "bio", "image"], ignoreOrder: true);
        user.GetProperty("email").GetString().ShouldBe("jake@jake.jake");
        user.GetProperty("username").GetString().ShouldBe("Jacob");
        user.GetProperty("bio").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        user.GetProperty("image").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users WHERE username = @name", ("name", "Jacob")))
            .ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM user_profiles")).ShouldBe(1);
    }

    [Fact]
    public async Task The_token_from_registration_signs_the_user_in()
    {
        var registered = await Anonymous.PostAsJsonAsync(
            "/api/users", new { user = new { username = "anna", email = "anna@example.com", password = "password1" } });
        var token = (await registered.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("user").GetProperty("token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        var current = await Anonymous.SendAsync(request);

        (await current.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("user").GetProperty("username").GetString()
            .ShouldBe("anna");
    }

    [Fact]
    public async Task The_location_of_a_new_account_reads_that_account_with_its_token()
    {
        var registered = await Anonymous.PostAsJsonAsync(
            "/api/users", new { user = new { username = "anna", email = "anna@example.com", password = "password1" } });
        var token = (await registered.ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("user").GetProperty("token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, registered.Headers.Location);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token {token}");
        var read = await Anonymous.SendAsync(request);

        // Whatever the sample answers there ({"profile": ...} or {"user": ...}), it is that account.
        var account = (await read.ShouldBeJsonAsync(HttpStatusCode.OK)).EnumerateObject().Single().Value;
        account.GetProperty("username").GetString().ShouldBe("anna");
    }

    [Fact]
    public async Task A_duplicate_email_answers_422_naming_the_email_and_adds_no_user()
    {
        var (existing, _) = await Factory.SignedInUserAsync();

        var response = await Anonymous.PostAsJsonAsync("/api/users", new
        {
            user = new { username = "newname", email = existing.Email.ToUpperInvariant(), password = "password1" },
        });

        var errors = await response.ShouldBeValidationProblemAsync("email");
        errors.GetProperty("email")[0].GetString().ShouldBe("has already been taken");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_username_answers_422_naming_the_username()
    {
        var (existing, _) = await Factory.SignedInUserAsync();

        var response = await Anonymous.PostAsJsonAsync("/api/users", new
        {
            user = new { username = existing.Username, email = "fresh@example.com", password = "password1" },
        });

        await response.ShouldBeValidationProblemAsync("username");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }

    [Fact]
    public async Task Missing_fields_answer_422_with_every_field_and_reason()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/users", new { user = new { } });

        var errors = await response.ShouldBeValidationProblemAsync("email", "password", "username");
        errors.GetProperty("username")[0].GetString().ShouldBe("can't be empty");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_without_the_user_envelope_answers_422()
    {
        var response = await Anonymous.PostAsJsonAsync(
            "/api/users", new { username = "jake", email = "jake@example.com", password = "password1" });

        await response.ShouldBeValidationProblemAsync("email", "password", "username");
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details_and_adds_no_user()
    {
        using var content = new StringContent("{\"user\": {\"username\": ", Encoding.UTF8, "application/json");

        var response = await Anonymous.PostAsync("/api/users", content);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }
}
