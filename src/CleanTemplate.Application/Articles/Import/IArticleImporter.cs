namespace CleanTemplate.Application.Articles.Import;

/// <summary>
/// Loads many articles at once from a file, all or nothing: either every row is imported or, at the first bad row,
/// an <see cref="ArticleImportException"/> names it and the database is left exactly as it was.
/// </summary>
public interface IArticleImporter
{
    /// <summary>Imports a <c>.json</c> or <c>.csv</c> file, the format chosen by its extension.</summary>
    /// <exception cref="ArticleImportException">A row is invalid or its author unknown; nothing written.</exception>
    /// <exception cref="ArgumentException">The file's extension is neither <c>.json</c> nor <c>.csv</c>.</exception>
    Task<ArticleImportResult> ImportFileAsync(
        string path,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>Imports from a stream of UTF-8 text in the given format.</summary>
    /// <exception cref="ArticleImportException">A row is invalid or its author unknown; nothing written.</exception>
    Task<ArticleImportResult> ImportAsync(
        Stream content,
        ArticleImportFormat format,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken);
}
