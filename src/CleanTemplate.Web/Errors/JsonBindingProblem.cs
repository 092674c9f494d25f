using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CleanTemplate.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;

namespace CleanTemplate.Web.Errors;

/// <summary>
/// A body the JSON reader refused, said in the API's terms: malformed JSON is 400; a value of the wrong type is 422
/// with <c>errors</c> keyed by its JSON path (<c>article.tagList</c>) and what it must be, as RealWorld frontends
/// show <c>errors</c>. Never the .NET type the reader was filling.
/// </summary>
internal static class JsonBindingProblem
{
    /// <summary>The key for a body that is not the envelope object at all (<c>[]</c>, <c>"text"</c>).</summary>
    public const string RootField = "request";

    private const string InvalidUnicode = "must be valid Unicode text (no unpaired surrogate, no invalid UTF-8)";

    public static ProblemDetails From(JsonException json, Type? bodyType, JsonSerializerOptions options)
    {
        // The reader's own failures (syntax, depth) arrive wrapped; a conversion failure has no JsonException inside.
        if (json.InnerException is JsonException)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON.",
                Detail = $"Malformed JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}.",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [RootField] = ["is not valid JSON"] } },
            };
        }

        var (field, type) = Resolve(json.Path, bodyType is null ? null : options.GetTypeInfo(bodyType), options);
        // System.Text.Json tells a string it cannot decode ("incomplete UTF-16", "invalid UTF-8") only in its message.
        var reason = json.InnerException is InvalidOperationException { Message: var message }
            && message.Contains("UTF-", StringComparison.Ordinal)
            ? InvalidUnicode
            : $"must be {Describe(type)}";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = Error.Validation(field, reason).Message,
        };
    }

    /// <summary>The API's name of the property at <paramref name="path"/> (`$.article.tagList[0]`), its type.</summary>
    private static (string Field, JsonTypeInfo? Type) Resolve(
        string? path, JsonTypeInfo? root, JsonSerializerOptions options)
    {
        var names = new List<string>();
        var current = root;
        foreach (var segment in Segments(path))
        {
            // An element of a list is reported as the list: "article.tagList must be an array of strings".
            var property = current?.Properties.FirstOrDefault(
                candidate => string.Equals(candidate.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
                break;
            names.Add(property.Name);
            current = options.GetTypeInfo(property.PropertyType);
        }

        return (names.Count == 0 ? RootField : string.Join('.', names), current);
    }

    /// <summary>Property names of a path, up to its first array index.</summary>
    private static IEnumerable<string> Segments(string? path)
    {
        var rest = path is null ? "" : path.TrimStart('$');
        while (rest.StartsWith('.') || rest.StartsWith("['", StringComparison.Ordinal))
        {
            var quoted = rest[0] == '[';
            var start = quoted ? 2 : 1;
            var end = quoted ? rest.IndexOf("']", start, StringComparison.Ordinal) : rest.IndexOfAny(['.', '['], start);
            if (end < 0)
                end = rest.Length;
            yield return rest[start..end];
            rest = rest[Math.Min(rest.Length, quoted ? end + 2 : end)..];
        }
    }

    private static string Describe(JsonTypeInfo? type) => type switch
    {
        null or { Kind: JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary } => "an object",
        { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } =>
            "an array of " + Describe(type.Options.GetTypeInfo(element)) switch
            {
                "a string" => "strings",
                "a number" => "numbers",
                "true or false" => "true or false values",
                _ => "objects",
            },
        _ => Primitive(Nullable.GetUnderlyingType(type.Type) ?? type.Type),
    };

    // Anything else the reader fills from a token (a date, a GUID) is written as a JSON string.
    private static string Primitive(Type type) =>
        type == typeof(bool) ? "true or false" : type.IsPrimitive || type == typeof(decimal) ? "a number" : "a string";
}
