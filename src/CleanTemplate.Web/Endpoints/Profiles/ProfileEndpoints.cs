using CleanTemplate.Application.Profiles;
using CleanTemplate.Application.Profiles.Commands.FollowProfile;
using CleanTemplate.Application.Profiles.Queries.GetProfile;
using CleanTemplate.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.Profiles;

public sealed record ProfileEnvelope(ProfileDto Profile);

internal static class ProfileEndpoints
{
    private const string Tag = "Profile";

    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var profiles = api.MapGroup("/profiles/{username}").WithTags(Tag);
        profiles.MapGet("", GetAsync).WithName("GetProfileByUsername");
        profiles.MapPost("/follow", FollowAsync).WithName("FollowUserByUsername").RequireAuthorization();
        profiles.MapDelete("/follow", UnfollowAsync).WithName("UnfollowUserByUsername").RequireAuthorization();
    }

    private static async Task<Results<Ok<ProfileEnvelope>, NotFoundProblem>> GetAsync(
        string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetProfileQuery(username), cancellationToken)).ToHttpResult(Ok).Or<NotFoundProblem>();

    private static async Task<Results<
            Ok<ProfileEnvelope>, UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>>
        FollowAsync(string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new FollowProfileCommand(username), cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>();

    // Unfollowing yourself is refused like following yourself (422).
    private static async Task<Results<
            Ok<ProfileEnvelope>, UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>>
        UnfollowAsync(string username, IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new UnfollowProfileCommand(username), cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>();

    private static Ok<ProfileEnvelope> Ok(ProfileDto profile) => TypedResults.Ok(new ProfileEnvelope(profile));
}
