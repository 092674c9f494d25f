using CleanTemplate.Application.Common.Behaviours;
using CleanTemplate.Application.Common.Results;
using FluentValidation;

namespace CleanTemplate.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    public sealed record Ping(string? FirstName, string? Email);

    private sealed class PingValidator : AbstractValidator<Ping>
    {
        public PingValidator()
        {
            RuleFor(ping => ping.FirstName).NotEmpty().WithMessage("can't be empty");
            RuleFor(ping => ping.Email)
                .NotEmpty().WithMessage("can't be empty")
                .EmailAddress().WithMessage("is invalid");
        }
    }

    [Fact]
    public async Task An_invalid_request_never_reaches_the_handler_and_fails_with_camel_cased_fields()
    {
        var behaviour = new ValidationBehaviour<Ping, Result<string>>([new PingValidator()]);
        var handlerRan = false;

        var result = await behaviour.Handle(new Ping(null, "nope"), CancellationToken.None, () =>
        {
            handlerRan = true;
            return Task.FromResult<Result<string>>("pong");
        });

        handlerRan.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.Order().ShouldBe(["email", "firstName"]);
        result.Error.Fields["email"].ShouldBe(["is invalid"]);
    }

    [Fact]
    public async Task A_valid_request_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<Ping, Result<string>>([new PingValidator()]);

        var result = await behaviour.Handle(
            new Ping("Jake", "jake@example.com"),
            CancellationToken.None,
            () => Task.FromResult<Result<string>>("pong"));

        result.Value.ShouldBe("pong");
    }

    [Fact]
    public async Task Without_validators_the_handler_runs()
    {
        var behaviour = new ValidationBehaviour<Ping, Result<string>>([]);

        var result = await behaviour.Handle(
            new Ping(null, null), CancellationToken.None, () => Task.FromResult<Result<string>>("pong"));

        result.IsSuccess.ShouldBeTrue();
    }
}
