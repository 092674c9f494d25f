namespace CleanTemplate.Web.Endpoints.Users;

/// <summary>
/// Where a registration's 201 points: the current user, read with the token the answer carries (this sample has no
/// public profiles to point at).
/// </summary>
internal static class NewAccountLocation
{
    public static string Of(string username) => "/api/user";
}
