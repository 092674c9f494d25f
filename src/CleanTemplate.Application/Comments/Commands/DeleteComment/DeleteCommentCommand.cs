using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using MediatR;

namespace CleanTemplate.Application.Comments.Commands.DeleteComment;

/// <summary>Comment author only; the row stays, marked deleted.</summary>
public sealed record DeleteCommentCommand(string Slug, int Id) : ICommand<Unit>;

internal sealed class DeleteCommentHandler(
    ICurrentUser currentUser,
    IArticleRepository articles,
    IUnitOfWork unitOfWork)
    : IRequestHandler<DeleteCommentCommand, Result<Unit>>
{
    public async Task<Result<Unit>> Handle(DeleteCommentCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
            return UserErrors.NotSignedIn;
        if (await articles.FindIdBySlugAsync(request.Slug, cancellationToken) is not { } articleId)
            return ArticleErrors.NotFound(request.Slug);
        var comment = await articles.GetCommentAsync(articleId, request.Id, cancellationToken);
        if (comment is null)
            return CommentErrors.NotFound(request.Id);
        if (!comment.IsWrittenBy(userId))
            return CommentErrors.NotTheAuthor;

        comment.Delete();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
