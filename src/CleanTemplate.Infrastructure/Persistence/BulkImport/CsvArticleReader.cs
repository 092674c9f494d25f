using System.Runtime.CompilerServices;
using CleanTemplate.Application.Articles.Import;
using CsvHelper;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Articles from CSV with a header line naming the columns (any order, case-insensitive): <c>author</c>, <c>title</c>,
/// <c>description</c>, <c>body</c>, and optionally <c>tags</c> (separated by <c>;</c>) and <c>createdAt</c>.
/// An empty <c>createdAt</c> cell means "now". The file is RFC 4180, read by CsvHelper as it streams; a record with the
/// wrong number of fields stops the import at the physical line it starts on, malformed quoting at its field's line.
/// </summary>
internal static class CsvArticleReader
{
    public const string TagsColumn = "tags";
    private const char TagSeparator = ';';
    private static readonly string[] Columns = ["author", "title", "description", "body", TagsColumn, "createdAt"];
    private static readonly string[] RequiredColumns = Columns[..4];
    private static readonly string ColumnList = string.Join(',', Columns);

    // Comma only (no separator sniffing, no "sep=" line): the header is ours to check. Malformed quoting is recovered
    // and reported rather than thrown, because the report says which byte, and so which field, is at fault.
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        DetectSeparatorHint = false,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Recover,
    };

    public static async IAsyncEnumerable<ImportedArticle> ReadAsync(
        Stream content, ImportedArticleFactory factory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CsvMalformedRecord? malformed = null;
        var options = Options with { OnMalformedRecord = record => malformed = record };
        await using var csv = CsvReader.Create(content, options, leaveOpen: true);
        string[] header = [];
        Dictionary<string, int>? indexOf = null;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (malformed is { } report)
                throw MalformedQuoting(csv, report, header, factory);

            var lineNumber = (int)csv.LineNumber;
            // A line holding only "" is one empty field, not an empty line to CsvHelper; it is skipped like one.
            if (csv.FieldCount == 1 && csv.IsEmpty(0))
                continue;

            if (indexOf is null)
            {
                header = [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)];
                indexOf = ReadHeader(header, lineNumber, factory);
                continue;
            }

            if (csv.FieldCount != header.Length)
            {
                var column = csv.FieldCount < header.Length ? header[csv.FieldCount] : $"#{header.Length + 1}";
                var reason = $"the record has {csv.FieldCount} fields, the header {header.Length}";
                throw factory.Error(lineNumber, column, reason);
            }

            yield return factory.Create(ToArticle(csv, indexOf), lineNumber);
        }

        if (indexOf is null)
            throw factory.Error(1, "header", $"the file is empty; its first line must name the columns ({ColumnList})");
    }

    private static Dictionary<string, int> ReadHeader(string[] header, int lineNumber, ImportedArticleFactory factory)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var cell = header[i].Trim();
            var name = Array.Find(Columns, column => column.Equals(cell, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                throw factory.Error(lineNumber, header[i], $"is not a column of the import ({ColumnList})");
            if (!indexOf.TryAdd(name, i))
                throw factory.Error(lineNumber, name, "is named twice in the header");
        }

        if (Array.Find(RequiredColumns, column => !indexOf.ContainsKey(column)) is { } missing)
            throw factory.Error(lineNumber, missing, "is missing from the header");
        return indexOf;
    }

    private static ArticleRecord ToArticle(CsvReader csv, Dictionary<string, int> indexOf)
    {
        string? Cell(string column) => indexOf.TryGetValue(column, out var index) ? csv.GetString(index) : null;
        var createdAt = Cell("createdAt");
        return new ArticleRecord(
            Cell("author"),
            Cell("title"),
            Cell("description"),
            Cell("body"),
            Cell(TagsColumn)?.Split(TagSeparator),
            string.IsNullOrEmpty(createdAt) ? null : createdAt);
    }

    /// <summary>
    /// Names the field that holds the byte CsvHelper reports (for a quote never closed, the end of the input, so the
    /// last field) and the line that field starts on, counting the line breaks of the quoted fields before it.
    /// </summary>
    private static ArticleImportException MalformedQuoting(
        CsvReader csv, CsvMalformedRecord malformed, string[] header, ImportedArticleFactory factory)
    {
        var offset = malformed.ByteOffset - csv.ByteOffset;
        var (field, start) = (0, 0);
        while (field < csv.FieldCount - 1 && start + csv.GetRawSpan(field).Length < offset)
            start += csv.GetRawSpan(field++).Length + 1;

        var before = csv.RawRecord[..start];
        var lineBreaks = before.Count((byte)'\n') + before.Count((byte)'\r') - before.Count("\r\n"u8);
        var column = field < header.Length ? header[field] : $"#{field + 1}";
        var reason = malformed.Reason switch
        {
            CsvMalformedReason.StrayQuote =>
                "has a quote inside an unquoted field (quote the whole field and double the quote: \"\")",
            CsvMalformedReason.TextAfterClosingQuote =>
                "has text after its closing quote (double a quote inside a quoted field: \"\")",
            CsvMalformedReason.UnterminatedQuote => "has a quoted field that is never closed",
            var other => $"is not RFC 4180 CSV ({other})",
        };
        return factory.Error((int)csv.LineNumber + lineBreaks, column, reason);
    }
}
