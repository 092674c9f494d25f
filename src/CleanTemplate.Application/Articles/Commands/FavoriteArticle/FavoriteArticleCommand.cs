using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.FavoriteArticle;

/// <summary>Idempotent: favoriting twice leaves one favorite.</summary>
public sealed record FavoriteArticleCommand(string Slug) : ICommand<ArticleDto>;

/// <summary>Idempotent: unfavoriting an article that is not a favorite succeeds and leaves none.</summary>
public sealed record UnfavoriteArticleCommand(string Slug) : ICommand<ArticleDto>;

internal sealed class FavoriteArticleHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    IFavoriteRepository favorites,
    IUnitOfWork unitOfWork,
    ArticleReads reads)
    : IRequestHandler<FavoriteArticleCommand, Result<ArticleDto>>,
        IRequestHandler<UnfavoriteArticleCommand, Result<ArticleDto>>
{
    public Task<Result<ArticleDto>> Handle(FavoriteArticleCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Slug, favorites.AddAsync, cancellationToken);

    public Task<Result<ArticleDto>> Handle(UnfavoriteArticleCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Slug, favorites.RemoveAsync, cancellationToken);

    private async Task<Result<ArticleDto>> ChangeAsync(
        string slug,
        Func<int, Guid, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;
        if (await articles.FindIdBySlugAsync(slug, cancellationToken) is not { } articleId)
            return ArticleErrors.NotFound(slug);

        // Read back before the commit: once committed, no further round trip may fail and turn the write into an error.
        return await unitOfWork.InTransactionAsync<Result<ArticleDto>>(async ct =>
        {
            await change(userId, articleId, ct);
            return (await reads.BySlugAsync(slug, userId, ct))!;
        }, cancellationToken);
    }
}
