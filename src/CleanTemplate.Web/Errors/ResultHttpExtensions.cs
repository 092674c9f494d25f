using CleanTemplate.Application.Common.Results;
using CleanTemplate.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Errors;

/// <summary>The one place where a use case's expected failure becomes an HTTP status and a ProblemDetails.</summary>
internal static class ResultHttpExtensions
{
    /// <summary>
    /// The success as <paramref name="onSuccess"/> answers it; then <c>.Or&lt;NotFoundProblem, ...&gt;()</c> gives the
    /// endpoint's <c>Results&lt;...&gt;</c>.
    /// </summary>
    public static HttpOutcome<TSuccess> ToHttpResult<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? new(onSuccess(result.Value), null) : new(default!, result.Error);

    public static IResult ToProblem(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => Results.ValidationProblem(
            new Dictionary<string, string[]>(error.Fields ?? new Dictionary<string, string[]>()),
            title: error.Message,
            statusCode: StatusOf(error.Kind)),
        ErrorKind.Unauthorized => new TokenChallenge(Problem(error)),
        _ => Problem(error),
    };

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    // RealWorld frontends show only `errors`, so a failure that names fields (a wrong password) carries them too.
    private static ProblemHttpResult Problem(Error error) => TypedResults.Problem(
        statusCode: StatusOf(error.Kind),
        detail: error.Message,
        extensions: error.Fields is null ? null : new Dictionary<string, object?> { ["errors"] = error.Fields });
}
