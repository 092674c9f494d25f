#if (kind == "command")
using CleanTemplate.Application.FeatureName.Commands.UseCaseName;
#else
using CleanTemplate.Application.FeatureName.Queries.UseCaseName;
#endif
using CleanTemplate.Web.Errors;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Endpoints.FeatureName;

#if (kind == "command")
public sealed record UseCaseNameRequest(string? Name);

/// <summary>Its OpenAPI responses come from the signature: list there each problem the use case can answer.</summary>
internal sealed class UseCaseNameEndpoint : IEndpoint
{
    public void Map(RouteGroupBuilder api) =>
        api.MapPost("/feature-route/use-case-route", HandleAsync)
            .WithName("UseCaseName").WithTags("FeatureName")
            .RequireAuthorization();

    private static async Task<Results<Ok<UseCaseNameDto>, UnauthorizedProblem, UnprocessableEntityProblem>>
        HandleAsync(UseCaseNameRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UseCaseNameCommand(body.Name), cancellationToken);
        return result.ToHttpResult(TypedResults.Ok).Or<UnauthorizedProblem, UnprocessableEntityProblem>();
    }
}
#else
/// <summary>Its OpenAPI responses come from the signature: list there each problem the use case can answer.</summary>
internal sealed class UseCaseNameEndpoint : IEndpoint
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/feature-route/use-case-route", HandleAsync)
            .WithName("UseCaseName").WithTags("FeatureName");

    private static async Task<Results<Ok<UseCaseNameDto>, NotFoundProblem, UnprocessableEntityProblem>>
        HandleAsync(string? name, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UseCaseNameQuery(name), cancellationToken);
        return result.ToHttpResult(TypedResults.Ok).Or<NotFoundProblem, UnprocessableEntityProblem>();
    }
}
#endif
