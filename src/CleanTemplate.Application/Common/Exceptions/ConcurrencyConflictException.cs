namespace CleanTemplate.Application.Common.Exceptions;

/// <summary>
/// A save was based on a row version someone else has since changed (optimistic concurrency). Answered with 409.
/// </summary>
public sealed class ConcurrencyConflictException(Exception innerException)
    : Exception("The data was changed by someone else since it was read.", innerException);
