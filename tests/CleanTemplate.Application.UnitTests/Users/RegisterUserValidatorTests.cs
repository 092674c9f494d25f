using CleanTemplate.Application.Users.Commands.RegisterUser;
using FluentValidation;

namespace CleanTemplate.Application.UnitTests.Users;

public sealed class RegisterUserValidatorTests
{
    private readonly IValidator<RegisterUserCommand> _validator = ValidatorOf<RegisterUserCommand>();

    [Theory]
    [InlineData("", "can't be empty")]
    [InlineData("has space", "may contain only letters, digits, '_', '.' and '-'")]
    public void Bad_usernames_are_rejected_with_one_reason(string username, string reason)
    {
        var result = _validator.Validate(new RegisterUserCommand(username, "jake@example.com", "password1"));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(reason);
    }

    [Fact]
    public void A_username_over_the_limit_is_too_long()
    {
        var result = _validator.Validate(new RegisterUserCommand(new string('a', 65), "jake@example.com", "password1"));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("is too long (maximum is 64 characters)");
    }

    [Fact]
    public void A_valid_registration_passes()
    {
        _validator.Validate(new RegisterUserCommand("jake.doe-1", "jake@example.com", "password1")).IsValid.ShouldBeTrue();
    }

    /// <summary>Validators are internal, as the container finds them by scanning; tests build them the same way.</summary>
    private static IValidator<T> ValidatorOf<T>() =>
        (IValidator<T>)Activator.CreateInstance(
            typeof(DependencyInjection).Assembly.GetTypes().Single(type => typeof(IValidator<T>).IsAssignableFrom(type) && !type.IsAbstract))!;
}
