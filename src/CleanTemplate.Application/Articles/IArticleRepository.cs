using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Articles;

/// <summary>Loads live article aggregates for the write side (tracked; comments and tags are not loaded).</summary>
public interface IArticleRepository
{
    Task<Article?> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<Guid?> FindIdBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<bool> IsSlugTakenAsync(string slug, Guid exceptArticleId, CancellationToken cancellationToken);

    Task<Comment?> GetCommentAsync(Guid articleId, int commentId, CancellationToken cancellationToken);

    void Add(Article article);
}
