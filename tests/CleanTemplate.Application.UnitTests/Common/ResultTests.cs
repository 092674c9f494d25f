using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.UnitTests.Common;

public sealed class ResultTests
{
    [Fact]
    public void A_value_converts_to_a_success()
    {
        Result<int> result = 42;

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(42);
        result.Error.ShouldBeNull();
    }

    [Fact]
    public void Reading_the_value_of_a_failure_throws_with_its_message()
    {
        Result<int> result = Error.NotFound("No such article.");

        result.IsSuccess.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => result.Value).Message.ShouldContain("No such article.");
    }

    [Fact]
    public void A_single_field_validation_error_names_the_field()
    {
        var error = Error.Validation("email", "is invalid");

        error.Kind.ShouldBe(ErrorKind.Validation);
        error.Fields!["email"].ShouldBe(["is invalid"]);
    }
}
