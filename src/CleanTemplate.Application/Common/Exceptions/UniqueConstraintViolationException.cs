namespace CleanTemplate.Application.Common.Exceptions;

/// <summary>
/// A write lost a race for a unique key (the database, not a pre-check, had the last word).
/// Use cases that can name the field translate it to a validation error; elsewhere it becomes 409.
/// </summary>
public sealed class UniqueConstraintViolationException(string constraintName, Exception innerException)
    : Exception($"Unique constraint '{constraintName}' was violated.", innerException)
{
    public string ConstraintName { get; } = constraintName;
}
