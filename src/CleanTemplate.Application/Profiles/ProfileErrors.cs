using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.Profiles;

internal static class ProfileErrors
{
    public static Error NotFound(string username) => Error.NotFound($"No user named '{username}'.");

    public static Error CannotFollowSelf { get; } = Error.Validation("username", "can't be yourself");
}
