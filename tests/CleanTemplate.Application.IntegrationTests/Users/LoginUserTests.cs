using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users.Commands.LoginUser;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;

namespace CleanTemplate.Application.IntegrationTests.Users;

public sealed class LoginUserTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Logging_in_with_the_right_password_returns_the_user_and_a_token()
    {
        await Scope.ArrangeAsync(TestUsers.New("jake", "jake@example.com"));

        var result = await Scope.SendAsync(new LoginUserCommand("JAKE@example.com", TestUsers.Password));

        result.Value.Username.ShouldBe("jake");
        result.Value.Token.Split('.').Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_fail_the_same_way()
    {
        await Scope.ArrangeAsync(TestUsers.New("jake", "jake@example.com"));

        var wrongPassword = await Scope.SendAsync(new LoginUserCommand("jake@example.com", "not the password"));
        var unknownEmail = await Scope.SendAsync(new LoginUserCommand("nobody@example.com", TestUsers.Password));

        wrongPassword.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
        unknownEmail.Error.ShouldBe(wrongPassword.Error);
    }
}
