using CleanTemplate.Application.Users.Commands.RegisterUser;
using FluentValidation.TestHelper;

namespace CleanTemplate.Application.UnitTests.Users;

public sealed class RegisterUserValidatorTests
{
    private readonly RegisterUserValidator _validator = new();

    [Theory]
    [InlineData("", "can't be empty")]
    [InlineData("has space", "may contain only letters, digits, '_', '.' and '-'")]
    public void Bad_usernames_are_rejected_with_one_reason(string username, string reason)
    {
        var result = _validator.TestValidate(new RegisterUserCommand(username, "jake@example.com", "password1"));

        result.ShouldHaveValidationErrorFor(command => command.Username).WithErrorMessage(reason).Only();
    }

    [Fact]
    public void A_username_over_the_limit_is_too_long()
    {
        var tooLong = new RegisterUserCommand(new string('a', 65), "jake@example.com", "password1");

        var result = _validator.TestValidate(tooLong);

        result.ShouldHaveValidationErrorFor(command => command.Username)
            .WithErrorMessage("is too long (maximum is 64 characters)")
            .Only();
    }

    [Fact]
    public void A_valid_registration_passes()
    {
        var result = _validator.TestValidate(new RegisterUserCommand("jake.doe-1", "jake@example.com", "password1"));

        result.ShouldNotHaveAnyValidationErrors();
    }
}
