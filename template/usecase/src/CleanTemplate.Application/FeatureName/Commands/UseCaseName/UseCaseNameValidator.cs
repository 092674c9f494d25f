using CleanTemplate.Application.Common.Validation;
using FluentValidation;

namespace CleanTemplate.Application.FeatureName.Commands.UseCaseName;

internal sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameCommand>
{
    public UseCaseNameValidator()
    {
        RuleFor(command => command.Name)
            .Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText();
    }
}
