namespace CleanTemplate.Application.Articles.Import;

/// <summary>A row the import cannot take. Thrown before the commit, so nothing of the file was written.</summary>
public sealed class ArticleImportException(int lineNumber, string field, string message) : Exception(message)
{
    /// <summary>
    /// CSV: the physical line the record starts on (the header is line 1). JSON: the item's position in the array
    /// (index + 1), or 0 when the file as a whole is not an array.
    /// </summary>
    public int LineNumber { get; } = lineNumber;

    /// <summary>The field as the file names it (<c>title</c>, <c>tagList</c>, <c>tags</c>...).</summary>
    public string Field { get; } = field;
}
