namespace CleanTemplate.Application.Articles.Import;

/// <summary>How an import made sure every article's author and every tag link's tag exist.</summary>
public enum ReferenceChecking
{
    /// <summary>
    /// PostgreSQL's foreign-key triggers checked each inserted row: the role may not turn row triggers off, or a table
    /// the import writes has triggers of its own.
    /// </summary>
    RowTriggers,

    /// <summary>
    /// Row triggers were off for the import's transaction; the import resolved each author and tag once per name and
    /// locked it FOR KEY SHARE, as the triggers would have.
    /// </summary>
    SetBased,
}
