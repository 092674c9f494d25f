using FluentValidation;

namespace CleanTemplate.Application.Users.Commands.LoginUser;

internal sealed class LoginUserValidator : AbstractValidator<LoginUserCommand>
{
    public LoginUserValidator()
    {
        RuleFor(command => command.Email).NotEmpty().WithMessage("can't be empty");
        RuleFor(command => command.Password).NotEmpty().WithMessage("can't be empty");
    }
}
