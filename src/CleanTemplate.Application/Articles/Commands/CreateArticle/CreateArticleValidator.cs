using CleanTemplate.Domain.Articles;
using FluentValidation;

namespace CleanTemplate.Application.Articles.Commands.CreateArticle;

internal sealed class CreateArticleValidator : AbstractValidator<CreateArticleCommand>
{
    public CreateArticleValidator()
    {
        RuleFor(command => command.Title).ArticleTitle();
        RuleFor(command => command.Description).ArticleDescription();
        RuleFor(command => command.Body).ArticleBody();
        RuleFor(command => command.TagList)
            .Must(tags => tags is null || tags.Count <= TagNames.MaxTagsPerArticle)
            .WithMessage($"can have at most {TagNames.MaxTagsPerArticle} tags")
            .Must(tags => tags is null || tags.All(tag => tag is not null && tag.Trim().Length <= Tag.NameMaxLength))
            .WithMessage($"tags must be at most {Tag.NameMaxLength} characters");
    }
}
