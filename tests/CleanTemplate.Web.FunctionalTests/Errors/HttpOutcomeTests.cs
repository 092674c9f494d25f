using CleanTemplate.Application.Common.Results;
using CleanTemplate.Web.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CleanTemplate.Web.FunctionalTests.Errors;

public sealed class HttpOutcomeTests
{
    [Fact]
    public void A_success_answers_what_the_endpoint_made_of_it()
    {
        Result<string> result = "found";

        var answer = result.ToHttpResult(TypedResults.Ok).Or<UnauthorizedProblem, NotFoundProblem>();

        answer.Result.ShouldBeOfType<Ok<string>>().Value.ShouldBe("found");
    }

    [Theory]
    [InlineData(ErrorKind.Unauthorized, typeof(UnauthorizedProblem))]
    [InlineData(ErrorKind.NotFound, typeof(NotFoundProblem))]
    [InlineData(ErrorKind.Validation, typeof(UnprocessableEntityProblem))]
    public void A_failure_answers_the_declared_problem_of_its_kind(ErrorKind kind, Type problem)
    {
        Result<string> result = new Error(kind, "It failed.");

        var answer = result.ToHttpResult(TypedResults.Ok)
            .Or<UnauthorizedProblem, NotFoundProblem, UnprocessableEntityProblem>();

        answer.Result.ShouldBeOfType(problem);
    }

    [Fact]
    public void A_failure_the_endpoint_does_not_declare_is_an_error_naming_its_kind()
    {
        Result<string> result = Error.Forbidden("Not yours.");

        var outcome = result.ToHttpResult(TypedResults.Ok);

        Should.Throw<InvalidOperationException>(() => outcome.Or<UnauthorizedProblem, NotFoundProblem>())
            .Message.ShouldContain("Forbidden");
    }
}
