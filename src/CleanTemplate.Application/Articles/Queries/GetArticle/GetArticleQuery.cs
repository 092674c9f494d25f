using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using Mapster;
using MediatR;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Articles.Queries.GetArticle;

/// <summary>One article by slug, in one SQL command, compiled once.</summary>
public sealed record GetArticleQuery(string Slug) : IQuery<ArticleDto>;

internal sealed class GetArticleHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<GetArticleQuery, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(GetArticleQuery request, CancellationToken cancellationToken) =>
        await ReadAsync(db, mapping, request.Slug, currentUser.Id, cancellationToken) is { } article
            ? article
            : ArticleErrors.NotFound(request.Slug);

    // One compiled query per Mapster config (the host has one; tests may build their own).
    private static readonly ConditionalWeakTable<TypeAdapterConfig, Func<DbContext, string, int?, CancellationToken, Task<ArticleDto?>>> BySlug = new();

    /// <summary>
    /// Also what the write use cases answer with, so every article response has the same shape and cost. An EF
    /// compiled query (see <see cref="CompiledReads"/>): the same SQL as <c>ProjectToType</c> would send.
    /// </summary>
    public static Task<ArticleDto?> ReadAsync(
        IReadDbContext db, TypeAdapterConfig mapping, string slug, int? viewerId, CancellationToken cancellationToken) =>
        BySlug.GetValue(mapping, Compile)(CompiledReads.ContextOf(db), slug, viewerId, cancellationToken);

    private static Func<DbContext, string, int?, CancellationToken, Task<ArticleDto?>> Compile(TypeAdapterConfig mapping)
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        var slug = Expression.Parameter(typeof(string), "slug");
        var viewerId = Expression.Parameter(typeof(int?), "viewerId");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var projection = CompiledReads.WithViewer(mapping.ProjectionOf<Article, ArticleDto>(), context, viewerId);

        var article = Expression.Parameter(typeof(Article), "article");
        var bySlug = Expression.Lambda<Func<Article, bool>>(Expression.Equal(Expression.Property(article, nameof(Article.Slug)), slug), article);
        var query = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(ArticleDto)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Article), typeof(ArticleDto)],
                Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Article)],
                    CompiledReads.NoTrackingSet(context, typeof(Article)), Expression.Quote(bySlug)),
                Expression.Quote(projection)));
        return EF.CompileAsyncQuery(
            Expression.Lambda<Func<DbContext, string, int?, CancellationToken, ArticleDto?>>(query, context, slug, viewerId, cancellation));
    }
}
