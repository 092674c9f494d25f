using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Articles;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Comments.Queries.ListComments;

/// <summary>
/// An article's comments, newest first, in one SQL command (a missing article is told apart from one without
/// comments).
/// </summary>
public sealed record ListCommentsQuery(string Slug) : IQuery<IReadOnlyList<CommentDto>>;

internal sealed class ListCommentsHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<ListCommentsQuery, Result<IReadOnlyList<CommentDto>>>
{
    public async Task<Result<IReadOnlyList<CommentDto>>> Handle(
        ListCommentsQuery request,
        CancellationToken cancellationToken)
    {
        var projection = mapping.ProjectionOf<Comment, CommentDto>();
        using var viewer = Viewer.Begin(db, currentUser.Id);
        var article = await db.Articles
            .Where(article => article.Slug == request.Slug)
            .Select(article => new
            {
                Comments = db.Comments
                    .Where(comment => comment.ArticleId == article.Id)
                    .OrderByDescending(comment => comment.CreatedAt).ThenByDescending(comment => comment.Id)
                    .Select(projection)
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
            return ArticleErrors.NotFound(request.Slug);
        return article.Comments;
    }
}
