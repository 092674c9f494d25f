using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Articles;

/// <summary>Loads live article aggregates for the write side (tracked; comments and tags are not loaded).</summary>
public interface IArticleRepository
{
    Task<Article?> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Loads and row-locks the article (<c>SELECT ... FOR UPDATE</c>) until the current transaction ends: other
    /// writers of the same article wait their turn. Requires an open transaction.
    /// </summary>
    Task<Article?> GetBySlugForUpdateAsync(string slug, CancellationToken cancellationToken);

    Task<Guid?> FindIdBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<bool> IsSlugTakenAsync(string slug, Guid exceptArticleId, CancellationToken cancellationToken);

    Task<Comment?> GetCommentAsync(Guid articleId, int commentId, CancellationToken cancellationToken);

    void Add(Article article);

    /// <summary>
    /// Marks every live article of the author deleted, as of <paramref name="at"/>, in one statement; returns how many.
    /// </summary>
    Task<int> ArchiveAllByAuthorAsync(int authorId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Destroys the articles deleted before <paramref name="cutoff"/>, with their comments, favorites and tag links, in
    /// one statement; returns how many articles. A deleted article is never edited again: its last update is its
    /// deletion.
    /// </summary>
    Task<int> PurgeDeletedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
