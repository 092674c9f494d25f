using CleanTemplate.Application.Profiles;
using CleanTemplate.Application.Profiles.Commands.FollowProfile;
using CleanTemplate.Application.Profiles.Queries.GetProfile;
using CleanTemplate.Web.Errors;
using MediatR;

namespace CleanTemplate.Web.Endpoints.Profiles;

public sealed record ProfileEnvelope(ProfileDto Profile);

internal static class ProfileEndpoints
{
    private const string Tag = "Profile";

    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/profiles/{username}").WithTags(Tag);
        profiles.MapGet("", GetAsync).WithName("GetProfileByUsername")
            .Produces<ProfileEnvelope>().ProducesProblem(StatusCodes.Status404NotFound);
        profiles.MapPost("/follow", FollowAsync).WithName("FollowUserByUsername").RequireAuthorization()
            .Produces<ProfileEnvelope>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        profiles.MapDelete("/follow", UnfollowAsync).WithName("UnfollowUserByUsername").RequireAuthorization()
            .Produces<ProfileEnvelope>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetProfileQuery(username), cancellationToken)).ToHttpResult(Ok);

    private static async Task<IResult> FollowAsync(string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new FollowProfileCommand(username), cancellationToken)).ToHttpResult(Ok);

    private static async Task<IResult> UnfollowAsync(string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new UnfollowProfileCommand(username), cancellationToken)).ToHttpResult(Ok);

    private static IResult Ok(ProfileDto profile) => TypedResults.Ok(new ProfileEnvelope(profile));
}
