using CleanTemplate.Application.Common.Validation;
using CleanTemplate.Domain.Users;
using FluentValidation;

namespace CleanTemplate.Application.Users;

/// <summary>
/// Field rules shared by registration and profile updates, with the RealWorld wording of messages.
/// Each field reports its first failure only: "can't be empty" says it all for an empty field.
/// </summary>
public static class UserValidationRules
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText()
            .MaximumLength(User.UsernameMaxLength)
            .WithMessage($"is too long (maximum is {User.UsernameMaxLength} characters)")
            .Matches("^[A-Za-z0-9_.-]+$").WithMessage("may contain only letters, digits, '_', '.' and '-'");

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText()
            .MaximumLength(User.EmailMaxLength)
            .WithMessage($"is too long (maximum is {User.EmailMaxLength} characters)")
            .EmailAddress().WithMessage("is invalid");

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText()
            .MinimumLength(PasswordMinLength).WithMessage($"is too short (minimum is {PasswordMinLength} characters)")
            .MaximumLength(PasswordMaxLength).WithMessage($"is too long (maximum is {PasswordMaxLength} characters)");
}
