using CleanTemplate.Application.Tags.Queries.ListTags;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.Tags;

public sealed record TagsEnvelope(IReadOnlyList<string> Tags);

internal static class TagEndpoints
{
    public static void MapTagEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/tags", ListAsync).WithName("GetTags").WithTags("Tags");

    // Listing tags cannot fail: no problem to declare.
    private static async Task<Ok<TagsEnvelope>> ListAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TagsEnvelope((await mediator.Send(new ListTagsQuery(), cancellationToken)).Value));
}
