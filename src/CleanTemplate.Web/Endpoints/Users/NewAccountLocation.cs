namespace CleanTemplate.Web.Endpoints.Users;

/// <summary>Where a registration's 201 points: the new account's public profile.</summary>
internal static class NewAccountLocation
{
    public static string Of(string username) => $"/api/profiles/{Uri.EscapeDataString(username)}";
}
