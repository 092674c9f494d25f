using System.Linq.Expressions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Profiles;
using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Comments;

/// <summary>The RealWorld "Comment".</summary>
public sealed record CommentDto(int Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Body, ProfileDto Author)
{
    public static Expression<Func<Comment, CommentDto>> Projection(IReadDbContext db, int? viewerId) =>
        comment => new CommentDto(
            comment.Id,
            comment.CreatedAt,
            comment.UpdatedAt,
            comment.Body,
            new ProfileDto(
                comment.Author.Username,
                comment.Author.Profile.Bio,
                comment.Author.Profile.Image,
                viewerId != null && db.Follows.Any(follow => follow.FollowerId == viewerId && follow.FolloweeId == comment.AuthorId)));
}
