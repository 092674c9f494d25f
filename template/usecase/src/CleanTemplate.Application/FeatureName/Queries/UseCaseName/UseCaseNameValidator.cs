using CleanTemplate.Application.Common.Validation;
using FluentValidation;

namespace CleanTemplate.Application.FeatureName.Queries.UseCaseName;

internal sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameQuery>
{
    public UseCaseNameValidator()
    {
        RuleFor(query => query.Name)
            .Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText();
    }
}
