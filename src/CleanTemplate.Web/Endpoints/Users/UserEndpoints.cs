using CleanTemplate.Application.Users;
using CleanTemplate.Application.Users.Commands.LoginUser;
using CleanTemplate.Application.Users.Commands.RegisterUser;
using CleanTemplate.Application.Users.Commands.UpdateCurrentUser;
using CleanTemplate.Application.Users.Queries.GetCurrentUser;
using CleanTemplate.Web.Errors;
using CleanTemplate.Web.RateLimiting;
using MediatR;

namespace CleanTemplate.Web.Endpoints.Users;

internal static class UserEndpoints
{
    private const string Tag = "User and Authentication";

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        // Anonymous even with a refused token in the header: a client holding a stale token can still sign in again.
        api.MapPost("/users", RegisterAsync).WithName("CreateUser").WithTags(Tag).AllowAnonymous()
            .RequireRateLimiting(RateLimitingSetup.RegistrationPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<UserEnvelope<AuthenticatedUser>>(StatusCodes.Status201Created).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/users/login", LoginAsync).WithName("Login").WithTags(Tag).AllowAnonymous()
            .WithLoginRateLimits().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<UserEnvelope<AuthenticatedUser>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/user", GetCurrentAsync).WithName("GetCurrentUser").WithTags(Tag).RequireAuthorization()
            .Produces<UserEnvelope<AuthenticatedUser>>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPut("/user", UpdateCurrentAsync).WithName("UpdateCurrentUser").WithTags(Tag).RequireAuthorization()
            .Produces<UserEnvelope<AuthenticatedUser>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> RegisterAsync(UserEnvelope<NewUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RegisterUserCommand(body.User?.Username, body.User?.Email, body.User?.Password), cancellationToken);
        return result.ToHttpResult(user => TypedResults.Created($"/api/profiles/{Uri.EscapeDataString(user.Username)}", Envelope(user)));
    }

    private static async Task<IResult> LoginAsync(UserEnvelope<LoginUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new LoginUserCommand(body.User?.Email, body.User?.Password), cancellationToken);
        return result.ToHttpResult(user => TypedResults.Ok(Envelope(user)));
    }

    private static async Task<IResult> GetCurrentAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetCurrentUserQuery(), cancellationToken);
        return result.ToHttpResult(user => TypedResults.Ok(Envelope(user)));
    }

    private static async Task<IResult> UpdateCurrentAsync(UserEnvelope<UpdateUserRequest> body, IMediator mediator, CancellationToken cancellationToken)
    {
        var user = body.User;
        var result = await mediator.Send(new UpdateCurrentUserCommand(user?.Email, user?.Username, user?.Password, user?.Bio, user?.Image), cancellationToken);
        return result.ToHttpResult(updated => TypedResults.Ok(Envelope(updated)));
    }

    private static UserEnvelope<AuthenticatedUser> Envelope(AuthenticatedUser user) => new(user);
}
