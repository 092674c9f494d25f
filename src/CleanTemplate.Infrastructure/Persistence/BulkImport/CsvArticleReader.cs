using System.Runtime.CompilerServices;
using System.Text;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Articles from CSV with a header line naming the columns (any order, case-insensitive): <c>author</c>, <c>title</c>,
/// <c>description</c>, <c>body</c>, and optionally <c>tags</c> (separated by <c>;</c>) and <c>createdAt</c>.
/// An empty <c>createdAt</c> cell means "now".
/// </summary>
internal static class CsvArticleReader
{
    public const string TagsColumn = "tags";
    private const char TagSeparator = ';';
    private static readonly string[] Columns = ["author", "title", "description", "body", TagsColumn, "createdAt"];
    private static readonly string[] RequiredColumns = Columns[..4];

    public static async IAsyncEnumerable<ImportedArticle> ReadAsync(
        Stream content, ImportedArticleFactory factory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        await using var records = new CsvRecordReader(text).ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        string[] header = [];
        Dictionary<string, int>? indexOf = null;
        while (true)
        {
            CsvRecord record;
            try
            {
                if (!await records.MoveNextAsync())
                    break;
                record = records.Current;
            }
            catch (CsvFormatException exception)
            {
                var column = exception.FieldIndex < header.Length ? header[exception.FieldIndex] : $"#{exception.FieldIndex + 1}";
                throw factory.Error(exception.LineNumber, column, exception.Message);
            }

            if (indexOf is null)
            {
                header = [.. record.Fields];
                indexOf = ReadHeader(record, factory);
                continue;
            }

            if (record.Fields.Count != header.Length)
            {
                var column = record.Fields.Count < header.Length ? header[record.Fields.Count] : $"#{header.Length + 1}";
                throw factory.Error(record.LineNumber, column, $"the record has {record.Fields.Count} fields, the header {header.Length}");
            }

            yield return factory.Create(ToArticle(record, indexOf), record.LineNumber);
        }

        if (indexOf is null)
            throw factory.Error(1, "header", $"the file is empty; its first line must name the columns ({string.Join(',', Columns)})");
    }

    private static Dictionary<string, int> ReadHeader(CsvRecord header, ImportedArticleFactory factory)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = Columns.FirstOrDefault(column => column.Equals(header.Fields[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
                throw factory.Error(header.LineNumber, header.Fields[i], $"is not a column of the import ({string.Join(',', Columns)})");
            if (!indexOf.TryAdd(name, i))
                throw factory.Error(header.LineNumber, name, "is named twice in the header");
        }

        if (RequiredColumns.FirstOrDefault(column => !indexOf.ContainsKey(column)) is { } missing)
            throw factory.Error(header.LineNumber, missing, "is missing from the header");
        return indexOf;
    }

    private static ArticleRecord ToArticle(CsvRecord record, Dictionary<string, int> indexOf)
    {
        string? Cell(string column) => indexOf.TryGetValue(column, out var index) ? record.Fields[index] : null;
        var createdAt = Cell("createdAt");
        return new ArticleRecord(
            Cell("author"),
            Cell("title"),
            Cell("description"),
            Cell("body"),
            Cell(TagsColumn)?.Split(TagSeparator),
            string.IsNullOrEmpty(createdAt) ? null : createdAt);
    }
}
