using System.Text.Json;
using CleanTemplate.Application.Common.Results;
using FluentValidation;
using MediatR;

namespace CleanTemplate.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of the request; on failure the handler never runs and the caller gets
/// a validation <see cref="Error"/> keyed by camel-cased field name, as the API reports them.
/// </summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IFailable<TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request,
        CancellationToken cancellationToken,
        RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
            return await next();

        var fields = failures
            .GroupBy(failure => JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName))
            .ToDictionary(
                group => group.Key,
                group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return TResponse.Failure(Error.Validation(fields));
    }
}
