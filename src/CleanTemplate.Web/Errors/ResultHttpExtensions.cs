using CleanTemplate.Application.Common.Results;
using CleanTemplate.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.Errors;

/// <summary>The one place where a use case's expected failure becomes an HTTP status and a ProblemDetails.</summary>
internal static class ResultHttpExtensions
{
    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();

    public static IResult ToProblem(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => Results.ValidationProblem(
            new Dictionary<string, string[]>(error.Fields ?? new Dictionary<string, string[]>()),
            title: error.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity),
        ErrorKind.Unauthorized => new TokenChallenge(Problem(error)),
        _ => Problem(error),
    };

    // RealWorld frontends show only `errors`, so a failure that names fields (a wrong password) carries them too.
    private static ProblemHttpResult Problem(Error error) => TypedResults.Problem(
        statusCode: StatusOf(error.Kind),
        detail: error.Message,
        extensions: error.Fields is null ? null : new Dictionary<string, object?> { ["errors"] = error.Fields });

    private static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
