using CleanTemplate.Application.Common.Results;

namespace CleanTemplate.Application.Users;

public static class UserErrors
{
    private static readonly string[] AlreadyTakenMessage = ["has already been taken"];

    public static Error AlreadyTaken(IEnumerable<string> fields) =>
        Error.Validation(fields.ToDictionary(field => field, _ => AlreadyTakenMessage));

    /// <summary>Silent about which of the two was wrong; RealWorld frontends show the field.</summary>
    public static Error InvalidCredentials { get; } = Error.Unauthorized(
        "Invalid email or password.", new Dictionary<string, string[]> { ["email or password"] = ["is invalid"] });

    public static Error NotSignedIn { get; } = Error.Unauthorized("Sign in to continue.");
}
