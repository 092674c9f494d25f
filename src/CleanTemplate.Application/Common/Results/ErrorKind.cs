namespace CleanTemplate.Application.Common.Results;

/// <summary>The expected ways a use case can fail; the Web layer maps each to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
}
