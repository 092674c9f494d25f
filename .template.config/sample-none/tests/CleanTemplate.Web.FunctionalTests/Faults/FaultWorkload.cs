using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Json;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Faults;

/// <summary>
/// What the fault tests send, in the sample's terms: a write whose every acknowledged body must be stored exactly
/// once (a registration, the body as the new username), and a read of the table those writes fill (the current user).
/// </summary>
[SuppressMessage(
    "Performance", "CA1822", Justification = "Instance members: the tests use every sample's workload alike.")]
public sealed class FaultWorkload
{
    /// <summary>The table the writes fill.</summary>
    public const string Table = "users";

    /// <summary>Each stored body with how often it is stored.</summary>
    public const string StoredBodies = "SELECT username, count(*)::int FROM users GROUP BY username";

    public static Task<FaultWorkload> ArrangeAsync(WebApiFactory factory) => Task.FromResult(new FaultWorkload());

    public Task<HttpResponseMessage> WriteAsync(HttpClient client, string body)
    {
        var user = new { username = body, email = $"{body}@example.com", password = "password1" };
        return client.PostAsJsonAsync("/api/users", new { user });
    }

    public Task<HttpResponseMessage> ReadAsync(HttpClient client) => client.GetAsync("/api/user");
}
