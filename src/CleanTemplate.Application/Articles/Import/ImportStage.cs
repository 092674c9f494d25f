namespace CleanTemplate.Application.Articles.Import;

/// <summary>The steps of an import, in the order they run.</summary>
public enum ImportStage
{
    /// <summary>Reading, validating and streaming rows into the staging table; the only long step that has a total (bytes).</summary>
    Copying,
    CheckingAuthors,
    InsertingTags,
    InsertingArticles,
    LinkingTags,
    Committed,
}
