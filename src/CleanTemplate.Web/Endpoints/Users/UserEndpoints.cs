using CleanTemplate.Application.Users;
using CleanTemplate.Application.Users.Commands.LoginUser;
using CleanTemplate.Application.Users.Commands.RegisterUser;
using CleanTemplate.Application.Users.Commands.UpdateCurrentUser;
using CleanTemplate.Application.Users.Queries.GetCurrentUser;
using CleanTemplate.Web.Errors;
using CleanTemplate.Web.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.Users;

internal static class UserEndpoints
{
    private const string Tag = "User and Authentication";

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        // Anonymous even with a refused token in the header: a client holding a stale token can still sign in again.
        api.MapPost("/users", RegisterAsync).WithName("CreateUser").WithTags(Tag).AllowAnonymous()
            .WithRegistrationRateLimit();
        api.MapPost("/users/login", LoginAsync).WithName("Login").WithTags(Tag).AllowAnonymous()
            .WithLoginRateLimits();
        api.MapGet("/user", GetCurrentAsync).WithName("GetCurrentUser").WithTags(Tag).RequireAuthorization();
        api.MapPut("/user", UpdateCurrentAsync).WithName("UpdateCurrentUser").WithTags(Tag).RequireAuthorization();
    }

    private static async Task<Results<Created<UserEnvelope<AuthenticatedUser>>, UnprocessableEntityProblem>>
        RegisterAsync(UserEnvelope<NewUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var command = new RegisterUserCommand(body.User?.Username, body.User?.Email, body.User?.Password);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Created).Or<UnprocessableEntityProblem>();
    }

    private static async Task<Results<
            Ok<UserEnvelope<AuthenticatedUser>>, UnauthorizedProblem, UnprocessableEntityProblem>>
        LoginAsync(UserEnvelope<LoginUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var command = new LoginUserCommand(body.User?.Email, body.User?.Password);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, UnprocessableEntityProblem>();
    }

    private static async Task<Results<Ok<UserEnvelope<AuthenticatedUser>>, UnauthorizedProblem>> GetCurrentAsync(
        IMediator mediator, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetCurrentUserQuery(), cancellationToken)).ToHttpResult(Ok).Or<UnauthorizedProblem>();

    private static async Task<Results<
            Ok<UserEnvelope<AuthenticatedUser>>, UnauthorizedProblem, UnprocessableEntityProblem>>
        UpdateCurrentAsync(
            UserEnvelope<UpdateUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var user = body.User;
        var command = new UpdateCurrentUserCommand(user?.Email, user?.Username, user?.Password, user?.Bio, user?.Image);
        return (await mediator.Send(command, cancellationToken)).ToHttpResult(Ok)
            .Or<UnauthorizedProblem, UnprocessableEntityProblem>();
    }

    private static Created<UserEnvelope<AuthenticatedUser>> Created(AuthenticatedUser user) =>
        TypedResults.Created(NewAccountLocation.Of(user.Username), Envelope(user));

    private static Ok<UserEnvelope<AuthenticatedUser>> Ok(AuthenticatedUser user) => TypedResults.Ok(Envelope(user));

    private static UserEnvelope<AuthenticatedUser> Envelope(AuthenticatedUser user) => new(user);
}
