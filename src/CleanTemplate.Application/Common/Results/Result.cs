using System.Diagnostics.CodeAnalysis;

namespace CleanTemplate.Application.Common.Results;

/// <summary>
/// What every use case returns: a value or an expected <see cref="Results.Error"/>.
/// Exceptions stay for the unexpected; this is the one mechanism for not-found, forbidden, validation and the like.
/// </summary>
public sealed class Result<T> : IFailable<Result<T>>, IOutcome
{
    private readonly T? _value;

    private Result(T value) => _value = value;

    private Result(Error error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value =>
        IsSuccess ? _value! : throw new InvalidOperationException($"The result is a failure: {Error.Message}");

#pragma warning disable CA1000 // a static factory on the generic type is the point: behaviours build any failure
    public static Result<T> Failure(Error error) => new(error);
#pragma warning restore CA1000

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
}
