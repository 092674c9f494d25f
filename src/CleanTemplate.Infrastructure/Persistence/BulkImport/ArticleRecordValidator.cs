using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Users;
using FluentValidation;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// The API's rules for an article (shared from Application), plus what only a file can get wrong: the author's name,
/// the timestamp's format, and characters PostgreSQL cannot store. Stops at the first failure: an import reports one.
/// </summary>
internal sealed class ArticleRecordValidator : AbstractValidator<ArticleRecord>
{
    public ArticleRecordValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;

        RuleFor(record => record.Author).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("can't be empty")
            .MaximumLength(User.UsernameMaxLength).WithMessage($"is too long (maximum is {User.UsernameMaxLength} characters)");
        RuleFor(record => record.Title).ArticleTitle();
        RuleFor(record => record.Description).ArticleDescription();
        RuleFor(record => record.Body).ArticleBody();
        RuleFor(record => record.TagList).ArticleTags();
        RuleFor(record => record.CreatedAt)
            .Must(text => text is null || IsoTimestamp.TryParse(text, out _))
            .WithMessage("is not an ISO 8601 date and time (for example 2024-05-01T12:00:00Z)");

        RuleFor(record => record.Author).Must(StorableText.IsStorable).WithMessage(StorableText.Problem);
        RuleFor(record => record.Title).Must(StorableText.IsStorable).WithMessage(StorableText.Problem);
        RuleFor(record => record.Description).Must(StorableText.IsStorable).WithMessage(StorableText.Problem);
        RuleFor(record => record.Body).Must(StorableText.IsStorable).WithMessage(StorableText.Problem);
        RuleForEach(record => record.TagList).Must(StorableText.IsStorable).WithMessage(StorableText.Problem);
    }
}
