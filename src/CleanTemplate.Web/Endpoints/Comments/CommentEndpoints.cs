using CleanTemplate.Application.Comments;
using CleanTemplate.Application.Comments.Commands.AddComment;
using CleanTemplate.Application.Comments.Commands.DeleteComment;
using CleanTemplate.Application.Comments.Queries.ListComments;
using CleanTemplate.Web.Errors;
using MediatR;

namespace CleanTemplate.Web.Endpoints.Comments;

public sealed record CommentEnvelope<T>(T? Comment);

public sealed record CommentsEnvelope(IReadOnlyList<CommentDto> Comments);

public sealed record NewCommentRequest(string? Body);

internal static class CommentEndpoints
{
    public static void MapCommentEndpoints(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/articles/{slug}/comments").WithTags("Comments");
        comments.MapGet("", ListAsync).WithName("GetArticleComments")
            .Produces<CommentsEnvelope>().ProducesProblem(StatusCodes.Status404NotFound);
        comments.MapPost("", AddAsync).WithName("CreateArticleComment").RequireAuthorization()
            .Produces<CommentEnvelope<CommentDto>>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        comments.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteArticleComment").RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string slug, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListCommentsQuery(slug), cancellationToken))
            .ToHttpResult(comments => TypedResults.Ok(new CommentsEnvelope(comments)));

    private static async Task<IResult> AddAsync(string slug, CommentEnvelope<NewCommentRequest> body, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new AddCommentCommand(slug, body.Comment?.Body), cancellationToken))
            .ToHttpResult(comment => TypedResults.Ok(new CommentEnvelope<CommentDto>(comment)));

    private static async Task<IResult> DeleteAsync(string slug, int id, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new DeleteCommentCommand(slug, id), cancellationToken)).ToHttpResult(_ => TypedResults.NoContent());
}
