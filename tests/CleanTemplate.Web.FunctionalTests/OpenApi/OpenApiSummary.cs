using System.Text.Json;

namespace CleanTemplate.Web.FunctionalTests.OpenApi;

/// <summary>
/// What an OpenAPI document promises, one fact a line (<c>GET /api/user response 401 application/problem+json
/// ProblemDetails</c>), so that a snapshot of it reads as a list and compares line by line, in any order.
/// </summary>
internal static class OpenApiSummary
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IEnumerable<string> Of(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(member => Methods.Contains(member.Name)))
            {
                var prefix = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                foreach (var fact in Facts(operation.Value))
                    yield return $"{prefix} {fact}";
            }
        }

        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            yield return $"schema {schema.Name}";
            foreach (var property in Members(schema.Value, "properties"))
                yield return $"schema {schema.Name} property {property.Name} {Describe(property.Value)}";
        }
    }

    private static IEnumerable<string> Facts(JsonElement operation)
    {
        yield return $"operationId {operation.GetProperty("operationId").GetString()}";
        foreach (var tag in Items(operation, "tags"))
            yield return $"tag {tag.GetString()}";
        foreach (var parameter in Items(operation, "parameters"))
        {
            var name = parameter.GetProperty("name").GetString();
            var location = parameter.GetProperty("in").GetString();
            var schema = Describe(parameter.GetProperty("schema"));
            yield return $"parameter {location} {name} {Requirement(parameter)} {schema}";
        }

        if (operation.TryGetProperty("requestBody", out var body))
        {
            foreach (var content in Members(body, "content"))
            {
                var schema = Describe(content.Value.GetProperty("schema"));
                yield return $"request {content.Name} {schema} {Requirement(body)}";
            }
        }

        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            var contents = Members(response.Value, "content");
            if (contents.Length == 0)
                yield return $"response {response.Name} no content";
            foreach (var content in contents)
                yield return $"response {response.Name} {content.Name} {Describe(content.Value.GetProperty("schema"))}";
        }
    }

    /// <summary>
    /// A schema in a word: a component's name, <c>string</c>, <c>ProfileDto[]</c>, <c>null|NewUserRequest</c>, or
    /// <c>{string[]}</c> for a map of string arrays.
    /// </summary>
    private static string Describe(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return reference.GetString()!.Split('/')[^1];
        if (schema.TryGetProperty("oneOf", out var alternatives))
            return string.Join('|', alternatives.EnumerateArray().Select(Describe).Order(StringComparer.Ordinal));
        if (!schema.TryGetProperty("type", out var type))
            return schema.TryGetProperty("format", out var format) ? format.GetString()! : "any";
        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(name => name.GetString()!)
            : [type.GetString()!];
        return string.Join('|', types
            .Select(name => name switch
            {
                "array" => $"{Describe(schema.GetProperty("items"))}[]",
                "object" when schema.TryGetProperty("additionalProperties", out var value) => $"{{{Describe(value)}}}",
                _ => name,
            })
            .Order(StringComparer.Ordinal));
    }

    private static string Requirement(JsonElement element) =>
        element.TryGetProperty("required", out var required) && required.GetBoolean() ? "required" : "optional";

    private static JsonElement[] Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? [.. array.EnumerateArray()] : [];

    private static JsonProperty[] Members(JsonElement element, string name) =>
        element.TryGetProperty(name, out var map) ? [.. map.EnumerateObject()] : [];
}
