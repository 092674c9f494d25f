using CleanTemplate.Application.Comments;
using CleanTemplate.Application.Comments.Commands.AddComment;
using CleanTemplate.Application.Comments.Commands.DeleteComment;
using CleanTemplate.Application.Comments.Queries.ListComments;
using CleanTemplate.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.Comments;

public sealed record CommentEnvelope<T>(T? Comment);

public sealed record CommentsEnvelope(IReadOnlyList<CommentDto> Comments);

public sealed record NewCommentRequest(string? Body);

internal static class CommentEndpoints
{
    public static void MapCommentEndpoints(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/articles/{slug}/comments").WithTags("Comments");
        comments.MapGet("", ListAsync).WithName("GetArticleComments");
        comments.MapPost("", AddAsync).WithName("CreateArticleComment").RequireAuthorization();
        comments.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteArticleComment").RequireAuthorization();
    }

    private static async Task<Results<Ok<CommentsEnvelope>, NotFoundProblem>> ListAsync(
        string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListCommentsQuery(slug), cancellationToken))
            .ToHttpResult(comments => TypedResults.Ok(new CommentsEnvelope(comments)))
            .Or<NotFoundProblem>();

    private static async Task<Results<
            Ok<CommentEnvelope<CommentDto>>, UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>>
        AddAsync(
            string slug, CommentEnvelope<NewCommentRequest> body, IMediator mediator,
            CancellationToken cancellationToken) =>
        (await mediator.Send(new AddCommentCommand(slug, body.Comment?.Body), cancellationToken))
            .ToHttpResult(comment => TypedResults.Ok(new CommentEnvelope<CommentDto>(comment)))
            .Or<UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>();

    private static async Task<Results<NoContent, UnauthorizedProblem, ForbiddenProblem, NotFoundProblem>> DeleteAsync(
        string slug, int id, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteCommentCommand(slug, id), cancellationToken))
            .ToHttpResult(_ => TypedResults.NoContent())
            .Or<UnauthorizedProblem, ForbiddenProblem, NotFoundProblem>();
}
