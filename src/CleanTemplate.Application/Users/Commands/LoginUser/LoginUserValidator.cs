using CleanTemplate.Application.Common.Validation;
using FluentValidation;

namespace CleanTemplate.Application.Users.Commands.LoginUser;

internal sealed class LoginUserValidator : AbstractValidator<LoginUserCommand>
{
    public LoginUserValidator()
    {
        RuleFor(command => command.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("can't be empty").StorableText();
        RuleFor(command => command.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("can't be empty").StorableText();
    }
}
