using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using Mapster;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// The one read of a single article, in one SQL command: what <c>GetArticle</c> answers and what the writes answer
/// with, so every article response has the same shape and cost. A compiled query (<see cref="CompiledReads"/>).
/// </summary>
internal sealed class ArticleReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    private static readonly CompiledRead<Article, ArticleDto, string> BySlug =
        new((article, slug) => article.Slug == slug);

    public Task<ArticleDto?> BySlugAsync(string slug, int? viewerId, CancellationToken cancellationToken) =>
        BySlug.SingleOrDefaultAsync(db, mapping, slug, viewerId, cancellationToken);
}
