using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using FluentValidation;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.UpdateArticle;

/// <summary>
/// Author only. Null fields stay as they are; a new title gives a new slug. With <see cref="ExpectedVersion"/> (the
/// ETag the client read, sent back as If-Match) the update is refused as a conflict if the article changed since.
/// </summary>
public sealed record UpdateArticleCommand(
    string Slug,
    string? Title,
    string? Description,
    string? Body,
    uint? ExpectedVersion = null)
    : ICommand<ArticleDto>;

internal sealed class UpdateArticleHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    IUnitOfWork unitOfWork,
    ArticleReads reads)
    : IRequestHandler<UpdateArticleCommand, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(UpdateArticleCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;

        // Edits of one article are serialised on its row lock: a concurrent rename waits instead of racing for the
        // new slug, and the version compared below is the current one, not a snapshot that may already be stale. The
        // answer is read before the commit, so no round trip after it can turn a committed edit into an error.
        return await unitOfWork.InTransactionAsync<Result<ArticleDto>>(async ct =>
        {
            var article = await articles.GetBySlugForUpdateAsync(request.Slug, ct);
            if (article is null)
                return ArticleErrors.NotFound(request.Slug);
            if (!article.IsWrittenBy(userId))
                return ArticleErrors.NotTheAuthor;
            if (request.ExpectedVersion is { } expected && expected != article.Version)
                return ArticleErrors.ChangedSinceRead;

            var slugBefore = article.Slug;
            article.Edit(request.Title, request.Description, request.Body);
            // Only a new slug can collide with another article's.
            if (article.Slug == slugBefore)
                await unitOfWork.SaveChangesAsync(ct);
            else
                await ArticleSlugs.SaveWithUniqueSlugAsync(article, articles, unitOfWork, ct);
            return (await reads.BySlugAsync(article.Slug, userId, ct))!;
        }, cancellationToken);
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
