using CleanTemplate.Application.Articles.Queries.GetArticle;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using FluentValidation;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.UpdateArticle;

/// <summary>Author only. Null fields stay as they are; a new title gives a new slug.</summary>
public sealed record UpdateArticleCommand(string Slug, string? Title, string? Description, string? Body) : ICommand<ArticleDto>;

internal sealed class UpdateArticleHandler(ICurrentUser currentUser, IArticleRepository articles, IUnitOfWork unitOfWork, IReadDbContext db)
    : IRequestHandler<UpdateArticleCommand, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(UpdateArticleCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;
        var article = await articles.GetBySlugAsync(request.Slug, cancellationToken);
        if (article is null)
            return ArticleErrors.NotFound(request.Slug);
        if (!article.IsWrittenBy(userId))
            return ArticleErrors.NotTheAuthor;

        article.Edit(request.Title, request.Description, request.Body);
        await ArticleSlugs.SaveWithUniqueSlugAsync(article, articles, unitOfWork, cancellationToken);
        return (await GetArticleHandler.ReadAsync(db, article.Slug, userId, cancellationToken))!;
    }
}

internal sealed class UpdateArticleValidator : AbstractValidator<UpdateArticleCommand>
{
    public UpdateArticleValidator()
    {
        RuleFor(command => command.Title).ArticleTitle().When(command => command.Title is not null);
        RuleFor(command => command.Description).ArticleDescription().When(command => command.Description is not null);
        RuleFor(command => command.Body).ArticleBody().When(command => command.Body is not null);
    }
}
