using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanTemplate.Web.Serialization;

/// <summary>Timestamps as RealWorld writes them: UTC, milliseconds, trailing Z ("2016-02-18T03:22:56.637Z").</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    // Formatted into the stack, not into a string: two timestamps an article, forty on a page of articles.
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[32];
        if (!value.UtcDateTime.TryFormat(text, out var length, Format, CultureInfo.InvariantCulture))
            throw new JsonException($"The timestamp {value:O} does not fit the RealWorld format.");
        writer.WriteStringValue(text[..length]);
    }
}
