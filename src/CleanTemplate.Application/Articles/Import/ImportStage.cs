namespace CleanTemplate.Application.Articles.Import;

/// <summary>
/// The steps of an import. The file is imported in batches: the first four repeat, in this order, for each batch; a
/// batch whose slugs collide is written again, entering <see cref="Resolving"/> and <see cref="CopyingArticles"/> once
/// more.
/// </summary>
public enum ImportStage
{
    /// <summary>Waiting for the next batch of rows to be parsed and validated (on another thread, ahead).</summary>
    Reading,

    /// <summary>
    /// Looking up the batch's authors and upserting its tags (and, once slugs have collided, finding which of the
    /// batch's slugs are taken): a few statements per batch.
    /// </summary>
    Resolving,

    /// <summary>Binary COPY of the batch's articles.</summary>
    CopyingArticles,

    /// <summary>Binary COPY of the batch's article-tag links.</summary>
    CopyingLinks,

    Committed,
}
