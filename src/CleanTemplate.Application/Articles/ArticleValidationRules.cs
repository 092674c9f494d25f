using CleanTemplate.Application.Common.Validation;
using CleanTemplate.Domain.Articles;
using FluentValidation;

namespace CleanTemplate.Application.Articles;

/// <summary>Field rules shared by creating and editing articles, and by the bulk import.</summary>
public static class ArticleValidationRules
{
    public static IRuleBuilderOptions<T, string?> ArticleTitle<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText()
            .MaximumLength(Article.TitleMaxLength)
            .WithMessage($"is too long (maximum is {Article.TitleMaxLength} characters)")
            .Must(title => title!.Any(char.IsLetterOrDigit)).WithMessage("must contain a letter or digit");

    public static IRuleBuilderOptions<T, string?> ArticleDescription<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText()
            .MaximumLength(Article.DescriptionMaxLength)
            .WithMessage($"is too long (maximum is {Article.DescriptionMaxLength} characters)");

    public static IRuleBuilderOptions<T, string?> ArticleBody<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("can't be empty").StorableText();

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ArticleTags<T>(
        this IRuleBuilderInitial<T, IReadOnlyList<string>?> rule) =>
        rule.Must(tags => tags is null || tags.Count <= TagNames.MaxTagsPerArticle)
            .WithMessage($"can have at most {TagNames.MaxTagsPerArticle} tags")
            .Must(tags => tags is null || tags.All(tag => tag is not null && tag.Trim().Length <= Tag.NameMaxLength))
            .WithMessage($"tags must be at most {Tag.NameMaxLength} characters")
            .Must(tags => tags is null || tags.All(tag => StorableTextRules.ProblemOf(tag) is null))
            .WithMessage((_, tags) => "tags " + tags!.Select(StorableTextRules.ProblemOf).First(text => text != null));
}
