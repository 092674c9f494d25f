using CleanTemplate.Application.Common.Validation;
using CleanTemplate.Domain.Users;
using FluentValidation;

namespace CleanTemplate.Application.Users.Commands.UpdateCurrentUser;

internal sealed class UpdateCurrentUserValidator : AbstractValidator<UpdateCurrentUserCommand>
{
    public UpdateCurrentUserValidator()
    {
        RuleFor(command => command.Email).ValidEmail().When(command => command.Email is not null);
        RuleFor(command => command.Username).ValidUsername().When(command => command.Username is not null);
        RuleFor(command => command.Password).ValidPassword().When(command => !string.IsNullOrEmpty(command.Password));
        RuleFor(command => command.Bio).Cascade(CascadeMode.Stop).StorableText()
            .MaximumLength(UserProfile.BioMaxLength)
            .WithMessage($"is too long (maximum is {UserProfile.BioMaxLength} characters)");
        RuleFor(command => command.Image).Cascade(CascadeMode.Stop).StorableText()
            .MaximumLength(UserProfile.ImageMaxLength)
            .WithMessage($"is too long (maximum is {UserProfile.ImageMaxLength} characters)")
            .Must(BeAnHttpUrl).WithMessage("must be an http or https URL")
            .When(command => !string.IsNullOrWhiteSpace(command.Image));
    }

    private static bool BeAnHttpUrl(string? image) =>
        Uri.TryCreate(image, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
