using FluentValidation;

namespace CleanTemplate.Application.Users.Commands.RegisterUser;

internal sealed class RegisterUserValidator : AbstractValidator<RegisterUserCommand>
{
    public RegisterUserValidator()
    {
        RuleFor(command => command.Username).ValidUsername();
        RuleFor(command => command.Email).ValidEmail();
        RuleFor(command => command.Password).ValidPassword();
    }
}
