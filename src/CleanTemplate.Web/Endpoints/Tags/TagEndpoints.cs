using CleanTemplate.Application.Tags.Queries.ListTags;
using CleanTemplate.Web.Errors;
using MediatR;

namespace CleanTemplate.Web.Endpoints.Tags;

public sealed record TagsEnvelope(IReadOnlyList<string> Tags);

internal static class TagEndpoints
{
    public static void MapTagEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/tags", ListAsync).WithName("GetTags").WithTags("Tags").Produces<TagsEnvelope>();

    private static async Task<IResult> ListAsync(IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListTagsQuery(), cancellationToken)).ToHttpResult(tags => TypedResults.Ok(new TagsEnvelope(tags)));
}
