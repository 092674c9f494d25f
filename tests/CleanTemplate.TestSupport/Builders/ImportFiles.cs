using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanTemplate.TestSupport.Builders;

/// <summary>Import files written by the test itself, in the formats the article import reads.</summary>
public static class ImportFiles
{
    public const string CsvHeader = "author,title,description,body,tags,createdAt";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Json(IEnumerable<ImportRow> rows) => JsonSerializer.Serialize(rows, JsonOptions);

    /// <summary>Streams the rows to a file, so a benchmark writes a large one without holding it in memory.</summary>
    public static async Task WriteJsonAsync(string path, IEnumerable<ImportRow> rows)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, rows, JsonOptions);
    }

    /// <summary>
    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; tags are joined with ';'.
    /// </summary>
    public static string Csv(IEnumerable<ImportRow> rows) => string.Concat(CsvLines(rows));

    /// <summary>The same CSV streamed to a file (UTF-8, no byte order mark), for a benchmark's large files.</summary>
    public static async Task WriteCsvAsync(string path, IEnumerable<ImportRow> rows)
    {
        var utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await using var file = new StreamWriter(path, append: false, utf8WithoutBom);
        foreach (var line in CsvLines(rows))
            await file.WriteAsync(line);
    }

    private static IEnumerable<string> CsvLines(IEnumerable<ImportRow> rows)
    {
        yield return CsvHeader + "\r\n";
        foreach (var row in rows)
        {
            string[] fields =
            [
                row.Author,
                row.Title,
                row.Description,
                row.Body,
                string.Join(';', row.TagList ?? []),
                row.CreatedAt ?? string.Empty,
            ];
            yield return string.Join(',', fields.Select(Quote)) + "\r\n";
        }
    }

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
