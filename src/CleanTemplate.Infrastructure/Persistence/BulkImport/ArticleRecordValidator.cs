using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Validation;
using CleanTemplate.Domain.Users;
using FluentValidation;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// The API's rules for an article (shared from Application, characters PostgreSQL cannot store included), plus what
/// only a file can get wrong: the author's name and the timestamp's format. Stops at the first failure: an import
/// reports one.
/// </summary>
internal sealed class ArticleRecordValidator : AbstractValidator<ArticleRecord>
{
    public ArticleRecordValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;

        RuleFor(record => record.Author).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("can't be empty")
            .MaximumLength(User.UsernameMaxLength)
            .WithMessage($"is too long (maximum is {User.UsernameMaxLength} characters)")
            .StorableText();
        RuleFor(record => record.Title).ArticleTitle();
        RuleFor(record => record.Description).ArticleDescription();
        RuleFor(record => record.Body).ArticleBody();
        RuleFor(record => record.TagList).ArticleTags();
        RuleFor(record => record.CreatedAt)
            .Must(text => text is null || IsoTimestamp.TryParse(text, out _))
            .WithMessage("is not an ISO 8601 date and time (for example 2024-05-01T12:00:00Z)");
    }
}
