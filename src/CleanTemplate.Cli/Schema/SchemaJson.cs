using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanTemplate.Cli.Schema;

/// <summary>
/// <c>db describe --json</c>: the <see cref="DatabaseSchema"/> as indented camelCase JSON, enums as names.
/// </summary>
internal static class SchemaJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(DatabaseSchema schema) => JsonSerializer.Serialize(schema, Options);

    public static DatabaseSchema Deserialize(string json) =>
        JsonSerializer.Deserialize<DatabaseSchema>(json, Options)
            ?? throw new JsonException("The JSON holds no schema.");
}
