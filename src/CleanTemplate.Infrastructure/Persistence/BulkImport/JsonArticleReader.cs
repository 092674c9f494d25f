using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CleanTemplate.Application.Articles.Import;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Articles from a JSON array of <c>{ "author", "title", "description", "body", "tagList"?, "createdAt"? }</c>, read
/// one item at a time (the file is never held in memory whole). A property the import does not know is an error, so a
/// misspelt "taglist" is not silently dropped. Rows are numbered by their position in the array.
/// </summary>
internal static partial class JsonArticleReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly string[] Fields = ["author", "title", "description", "body", "tagList", "createdAt"];

    public static async IAsyncEnumerable<ImportedArticle> ReadAsync(
        Stream content, ImportedArticleFactory factory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = JsonSerializer
            .DeserializeAsyncEnumerable<ArticleRecord>(content, Options, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var position = 0;
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                    break;
            }
            catch (JsonException exception)
            {
                throw Translate(exception, factory);
            }

            position++;
            yield return items.Current is { } record
                ? factory.Create(record, position)
                : throw factory.Error(position, "$", "is null, not an article object");
        }
    }

    /// <summary>Item and field, from the exception's JSON path (<c>$[3].tagList[0]</c>: item 4, tagList).</summary>
    private static ArticleImportException Translate(JsonException exception, ImportedArticleFactory factory)
    {
        var jsonLine = exception.LineNumber + 1;
        var path = ItemPath().Match(exception.Path ?? string.Empty);
        if (!path.Success)
            return new ArticleImportException(
                0, "$", $"JSON line {jsonLine}: the file must be one JSON array of article objects");

        var item = int.Parse(path.Groups["index"].ValueSpan, CultureInfo.InvariantCulture) + 1;
        var field = path.Groups["field"].Success ? path.Groups["field"].Value : "$";
        var known = Array.Find(Fields, name => name.Equals(field, StringComparison.OrdinalIgnoreCase));
        var reason = exception.InnerException is JsonException syntax
            ? $"is not well-formed JSON (line {jsonLine}): {syntax.Message.Split(" LineNumber:")[0]}"
            : field == "$" ? $"must be an article object (JSON line {jsonLine})"
            : known is null ? $"is not a field of an article ({string.Join(", ", Fields)})"
            : $"must be {(known == "tagList" ? "an array of strings" : "a string")} (JSON line {jsonLine})";
        return factory.Error(item, field, reason);
    }

    [GeneratedRegex(@"^\$\[(?<index>\d+)\](?:\.(?<field>[^.\[]+)|\['(?<field>[^']+)'\])?")]
    private static partial Regex ItemPath();
}
