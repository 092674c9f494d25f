using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using MediatR;

namespace CleanTemplate.Application.Articles.Commands.DeleteArticle;

/// <summary>Author only. The row stays, marked deleted; no query sees it any more and its slug becomes free.</summary>
public sealed record DeleteArticleCommand(string Slug) : ICommand<Unit>;

internal sealed class DeleteArticleHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteArticleCommand, Result<Unit>>
{
    public async Task<Result<Unit>> Handle(DeleteArticleCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;
        var article = await articles.GetBySlugAsync(request.Slug, cancellationToken);
        if (article is null)
            return ArticleErrors.NotFound(request.Slug);
        if (!article.IsWrittenBy(userId))
            return ArticleErrors.NotTheAuthor;

        article.Delete();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
