#if (kind == "command")
using CleanTemplate.Application.FeatureName.Commands.UseCaseName;
#else
using CleanTemplate.Application.FeatureName.Queries.UseCaseName;
#endif
using CleanTemplate.Web.Errors;
using MediatR;

namespace CleanTemplate.Web.Endpoints.FeatureName;

#if (kind == "command")
public sealed record UseCaseNameRequest(string? Name);

internal sealed class UseCaseNameEndpoint : IEndpoint
{
    public void Map(RouteGroupBuilder api) =>
        api.MapPost("/feature-route/use-case-route", HandleAsync)
            .WithName("UseCaseName").WithTags("FeatureName")
            .RequireAuthorization()
            .Produces<UseCaseNameDto>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        UseCaseNameRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UseCaseNameCommand(body.Name), cancellationToken);
        return result.ToHttpResult(dto => TypedResults.Ok(dto));
    }
}
#else
internal sealed class UseCaseNameEndpoint : IEndpoint
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/feature-route/use-case-route", HandleAsync)
            .WithName("UseCaseName").WithTags("FeatureName")
            .Produces<UseCaseNameDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(string? name, IMediator mediator, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new UseCaseNameQuery(name), cancellationToken);
        return result.ToHttpResult(dto => TypedResults.Ok(dto));
    }
}
#endif
