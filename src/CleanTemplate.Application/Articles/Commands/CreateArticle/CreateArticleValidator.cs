using FluentValidation;

namespace CleanTemplate.Application.Articles.Commands.CreateArticle;

internal sealed class CreateArticleValidator : AbstractValidator<CreateArticleCommand>
{
    public CreateArticleValidator()
    {
        RuleFor(command => command.Title).ArticleTitle();
        RuleFor(command => command.Description).ArticleDescription();
        RuleFor(command => command.Body).ArticleBody();
        RuleFor(command => command.TagList).ArticleTags();
    }
}
