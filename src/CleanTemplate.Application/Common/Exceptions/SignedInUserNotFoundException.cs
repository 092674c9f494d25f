namespace CleanTemplate.Application.Common.Exceptions;

/// <summary>
/// A write named the signed-in user, whose valid token outlived their row (deleted, or a restored database), and the
/// database refused the reference. Answered with 401, as when the token is refused up front.
/// </summary>
public sealed class SignedInUserNotFoundException(string constraintName, Exception innerException)
    : Exception($"The signed-in user does not exist (foreign key '{constraintName}').", innerException);
