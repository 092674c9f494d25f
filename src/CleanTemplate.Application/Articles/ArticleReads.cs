using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using Mapster;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// The one read of a single article, in one SQL command: what <c>GetArticle</c> answers and what the writes answer
/// with, so every article response has the same shape and cost.
/// </summary>
internal sealed class ArticleReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    public Task<ArticleDto?> BySlugAsync(string slug, int? viewerId, CancellationToken cancellationToken) =>
        Viewer.ReadSingleAsync<ArticleDto>(
            db, viewerId, db.Articles.Where(article => article.Slug == slug), mapping, cancellationToken);
}
