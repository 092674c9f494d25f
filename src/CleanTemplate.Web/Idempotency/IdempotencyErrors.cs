using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Web.Idempotency;

internal static class IdempotencyErrors
{
    public static Error MalformedKey { get; } = Error.Validation(
        IdempotencyKey.HeaderName, $"must be 1 to {IdempotencyKey.MaxLength} visible ASCII characters, sent once");

    public static Error KeyReused { get; } =
        Error.Validation(IdempotencyKey.HeaderName, "was already used with a different request");

    public static Error InFlight { get; } = Error.Conflict(
        $"A request with this {IdempotencyKey.HeaderName} is still being processed; retry when it has finished.");
}
