namespace CleanTemplate.Application.Articles.Import;

/// <param name="ArticlesImported">Rows of the file, each now a live article.</param>
/// <param name="TagsCreated">Tag names that did not exist before; existing tags are reused.</param>
/// <param name="TagLinks">Article-tag links written.</param>
/// <param name="SlugsDisambiguated">Articles whose slug a live article or an earlier row had: given a suffix.</param>
/// <param name="ReferenceChecking">Whether foreign keys were checked per row by triggers or once per name.</param>
public sealed record ArticleImportResult(
    int ArticlesImported,
    int TagsCreated,
    int TagLinks,
    int SlugsDisambiguated,
    ReferenceChecking ReferenceChecking,
    TimeSpan Elapsed);
