namespace CleanTemplate.Application.Common.Results;

/// <summary>
/// An expected failure of a use case. <see cref="Fields"/> names the offending fields: always for validation errors,
/// and for any other kind that a client should show next to a form (a wrong password).
/// </summary>
public sealed record Error(ErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "One or more fields are invalid.", fields);

    public static Error Unauthorized(string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Unauthorized, message, fields);

    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);

    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);
}
