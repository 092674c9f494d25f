using System.Runtime.CompilerServices;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// The one read of a single article, in one SQL command: what <c>GetArticle</c> answers and what the writes answer
/// with, so every article response has the same shape and cost. A compiled query (<see cref="CompiledReads"/>).
/// </summary>
internal sealed class ArticleReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    // One compiled query per Mapster config: the host has one, tests may build their own.
    private static readonly ConditionalWeakTable<TypeAdapterConfig,
        Func<DbContext, string, int?, CancellationToken, Task<ArticleDto?>>> BySlug = new();

    public Task<ArticleDto?> BySlugAsync(string slug, int? viewerId, CancellationToken cancellationToken) =>
        BySlug.GetValue(mapping, Compile)(CompiledReads.ContextOf(db), slug, viewerId, cancellationToken);

    private static Func<DbContext, string, int?, CancellationToken, Task<ArticleDto?>> Compile(
        TypeAdapterConfig mapping) =>
        CompiledReads.SingleOrDefault<Article, ArticleDto, string>(mapping, (article, slug) => article.Slug == slug);
}
