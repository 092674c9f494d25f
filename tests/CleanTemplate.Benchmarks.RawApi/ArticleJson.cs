using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;

namespace CleanTemplate.Benchmarks.RawApi;

/// <summary>
/// The API's article JSON written by hand, property for property in the order of ArticleDto / ArticleSummaryDto /
/// ProfileDto, with its timestamp format (UtcTimestampConverter) and ASP.NET Core's escaping.
/// </summary>
internal static class ArticleJson
{
    /// <summary>The last column of both queries: the article id (list) or its row version, xmin (single).</summary>
    public const int IdOrVersionColumn = 13;

    // ASP.NET Core's JSON results escape with the relaxed encoder (é, <, & and ' stay as they are).
    public static readonly JsonWriterOptions WriterOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static readonly JsonEncodedText Article = JsonEncodedText.Encode("article");

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private static readonly JsonEncodedText Articles = JsonEncodedText.Encode("articles");
    private static readonly JsonEncodedText ArticlesCount = JsonEncodedText.Encode("articlesCount");
    private static readonly JsonEncodedText Slug = JsonEncodedText.Encode("slug");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
    private static readonly JsonEncodedText TagList = JsonEncodedText.Encode("tagList");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updatedAt");
    private static readonly JsonEncodedText Favorited = JsonEncodedText.Encode("favorited");
    private static readonly JsonEncodedText FavoritesCount = JsonEncodedText.Encode("favoritesCount");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText Username = JsonEncodedText.Encode("username");
    private static readonly JsonEncodedText Bio = JsonEncodedText.Encode("bio");
    private static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
    private static readonly JsonEncodedText Following = JsonEncodedText.Encode("following");

    /// <summary>
    /// Writes <c>{"articles":[...],"articlesCount":n}</c> from up to take + 1 rows; returns the next cursor.
    /// </summary>
    public static async Task<string?> WritePageAsync(
        IBufferWriter<byte> body,
        NpgsqlDataReader reader,
        int take,
        int articlesCount,
        CancellationToken cancellationToken)
    {
        using var json = new Utf8JsonWriter(body, WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray(Articles);
        var written = 0;
        var hasNext = false;
        (DateTime CreatedAt, Guid Id) last = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (written == take)
            {
                hasNext = true;
                break;
            }

            WriteArticle(json, reader, withBody: false);
            last = (reader.GetDateTime(5), reader.GetGuid(IdOrVersionColumn));
            written++;
        }

        json.WriteEndArray();
        json.WriteNumber(ArticlesCount, articlesCount);
        json.WriteEndObject();
        return hasNext ? EncodeCursor(last.CreatedAt, last.Id) : null;
    }

    public static void WriteArticle(Utf8JsonWriter json, NpgsqlDataReader reader, bool withBody)
    {
        json.WriteStartObject();
        json.WriteString(Slug, reader.GetString(0));
        json.WriteString(Title, reader.GetString(1));
        json.WriteString(Description, reader.GetString(2));
        if (withBody)
            json.WriteString(Body, reader.GetString(3));
        json.WriteStartArray(TagList);
        foreach (var tag in reader.GetFieldValue<string[]>(4))
            json.WriteStringValue(tag);
        json.WriteEndArray();
        WriteTimestamp(json, CreatedAt, reader.GetDateTime(5));
        WriteTimestamp(json, UpdatedAt, reader.GetDateTime(6));
        json.WriteBoolean(Favorited, reader.GetBoolean(7));
        json.WriteNumber(FavoritesCount, reader.GetInt32(8));
        json.WriteStartObject(Author);
        json.WriteString(Username, reader.GetString(9));
        WriteNullableString(json, Bio, reader, 10);
        WriteNullableString(json, Image, reader, 11);
        json.WriteBoolean(Following, reader.GetBoolean(12));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNullableString(
        Utf8JsonWriter json,
        JsonEncodedText name,
        NpgsqlDataReader reader,
        int column)
    {
        if (reader.IsDBNull(column))
            json.WriteNull(name);
        else
            json.WriteString(name, reader.GetString(column));
    }

    // timestamptz reads as a UTC DateTime; the format truncates to milliseconds as the API's converter does.
    private static void WriteTimestamp(Utf8JsonWriter json, JsonEncodedText name, DateTime utc)
    {
        Span<byte> text = stackalloc byte[32];
        utc.TryFormat(text, out var length, TimestampFormat, CultureInfo.InvariantCulture);
        json.WriteString(name, text[..length]);
    }

    // As the API's ArticleCursor.Encode: UTC ticks and the id, both big-endian, in unpadded base64url.
    private static string EncodeCursor(DateTime createdAt, Guid id)
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, createdAt.Ticks);
        id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
