using System.Reflection;
using CleanTemplate.Application.Common.Results;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CleanTemplate.Web.Errors;

/// <summary>
/// A use case's failure of one <see cref="Kind"/> as a typed result. Listed in an endpoint's <c>Results&lt;...&gt;</c>
/// it documents its status and ProblemDetails schema; answered, its body is the one of
/// <see cref="ResultHttpExtensions.ToProblem"/>.
/// </summary>
internal interface IProblemResult<TSelf> : IResult, IEndpointMetadataProvider
    where TSelf : IProblemResult<TSelf>
{
    static abstract ErrorKind Kind { get; }

    static abstract TSelf From(Error error);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            ResultHttpExtensions.StatusOf(TSelf.Kind),
            TSelf.Kind == ErrorKind.Validation ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails),
            ["application/problem+json"]));
}
