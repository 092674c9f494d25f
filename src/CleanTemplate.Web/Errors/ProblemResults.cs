using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Web.Errors;

/// <summary>Answers the ProblemDetails it was made with; the kinds below say which failure it is.</summary>
internal abstract class ProblemResult(IResult problem) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);
}

/// <summary>401, with the <c>WWW-Authenticate</c> challenge.</summary>
internal sealed class UnauthorizedProblem(Error error)
    : ProblemResult(error.ToProblem()), IProblemResult<UnauthorizedProblem>
{
    public static ErrorKind Kind => ErrorKind.Unauthorized;

    public static UnauthorizedProblem From(Error error) => new(error);
}

/// <summary>403.</summary>
internal sealed class ForbiddenProblem(Error error) : ProblemResult(error.ToProblem()), IProblemResult<ForbiddenProblem>
{
    public static ErrorKind Kind => ErrorKind.Forbidden;

    public static ForbiddenProblem From(Error error) => new(error);
}

/// <summary>404.</summary>
internal sealed class NotFoundProblem(Error error) : ProblemResult(error.ToProblem()), IProblemResult<NotFoundProblem>
{
    public static ErrorKind Kind => ErrorKind.NotFound;

    public static NotFoundProblem From(Error error) => new(error);
}

/// <summary>409.</summary>
internal sealed class ConflictProblem(Error error) : ProblemResult(error.ToProblem()), IProblemResult<ConflictProblem>
{
    public static ErrorKind Kind => ErrorKind.Conflict;

    public static ConflictProblem From(Error error) => new(error);
}

/// <summary>422, with <c>errors</c> naming the fields.</summary>
internal sealed class UnprocessableEntityProblem : ProblemResult, IProblemResult<UnprocessableEntityProblem>
{
    private UnprocessableEntityProblem(IResult problem)
        : base(problem)
    {
    }

    public static ErrorKind Kind => ErrorKind.Validation;

    public static UnprocessableEntityProblem From(Error error) => new(error.ToProblem());

    /// <summary>A request header that is not what it must be, under the framework's title for validation.</summary>
    public static UnprocessableEntityProblem ForHeader(string header, string reason) => new(Results.ValidationProblem(
        new Dictionary<string, string[]> { [header] = [reason] },
        statusCode: StatusCodes.Status422UnprocessableEntity));
}
