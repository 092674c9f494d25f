using System.Text;

namespace CleanTemplate.Web.FunctionalTests.MalformedInput;

/// <summary>
/// An endpoint that reads a JSON body: its envelope, and a valid value (as JSON text) for each field.
/// </summary>
public sealed record WriteEndpoint(
    string Name, string Method, string Path, string Envelope, bool SignedIn,
    params (string Field, string Json)[] Fields)
{
    public static readonly IReadOnlyList<WriteEndpoint> All =
    [
        new("register", "POST", "/api/users", "user", false,
            ("username", "\"newcomer\""), ("email", "\"newcomer@example.com\""), ("password", "\"password123\"")),
        new("login", "POST", "/api/users/login", "user", false,
            ("email", "\"nobody@example.com\""), ("password", "\"password123\"")),
        new("update user", "PUT", "/api/user", "user", true,
            ("email", "\"renamed@example.com\""), ("username", "\"renamed\""), ("password", "\"password456\""),
            ("bio", "\"bio\""), ("image", "\"https://example.com/me.png\"")),
        //#if (conduit)
        new("create article", "POST", "/api/articles", "article", true,
            ("title", "\"Title\""), ("description", "\"Description\""), ("body", "\"Body\""), ("tagList", "[\"tag\"]")),
        new("update article", "PUT", "/api/articles/{slug}", "article", true,
            ("title", "\"New title\""), ("description", "\"New description\""), ("body", "\"New body\"")),
        new("add comment", "POST", "/api/articles/{slug}/comments", "comment", true, ("body", "\"Comment\"")),
        //#endif
    ];

    public static WriteEndpoint Named(string name) => All.Single(endpoint => endpoint.Name == name);

    /// <summary>
    /// The valid body with <paramref name="field"/>'s value replaced by the JSON text <paramref name="json"/>. An
    /// update sends that field alone (every field of an update is optional), so no other field's work (hashing a
    /// password) runs.
    /// </summary>
    public string BodyWith(string field, string json) => Body(Fields
        .Where(pair => Method != "PUT" || pair.Field == field)
        .Select(pair => pair.Field == field ? (pair.Field, json) : pair));

    public string ValidBody => Body(Fields);

    private string Body(IEnumerable<(string Field, string Json)> fields) =>
        $"{{\"{Envelope}\":{{{string.Join(',', fields.Select(pair => $"\"{pair.Field}\":{pair.Json}"))}}}}}";

    public override string ToString() => Name;

    /// <summary>
    /// A JSON string literal that escapes every character outside printable ASCII, lone surrogates included.
    /// </summary>
    public static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var character in text)
        {
            if (character is >= ' ' and <= '~' and not '"' and not '\\')
                json.Append(character);
            else
                json.Append($"\\u{(int)character:x4}");
        }

        return json.Append('"').ToString();
    }
}
