using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Articles.Queries.GetArticle;

/// <summary>One article by slug, in one SQL command.</summary>
public sealed record GetArticleQuery(string Slug) : IQuery<ArticleDto>;

internal sealed class GetArticleHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<GetArticleQuery, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(GetArticleQuery request, CancellationToken cancellationToken) =>
        await ReadAsync(db, mapping, request.Slug, currentUser.Id, cancellationToken) is { } article
            ? article
            : ArticleErrors.NotFound(request.Slug);

    /// <summary>Also what the write use cases answer with, so every article response has the same shape and cost.</summary>
    public static async Task<ArticleDto?> ReadAsync(
        IReadDbContext db, TypeAdapterConfig mapping, string slug, int? viewerId, CancellationToken cancellationToken)
    {
        using var viewer = Viewer.Begin(db, viewerId);
        return await db.Articles.Where(article => article.Slug == slug)
            .ProjectToType<ArticleDto>(mapping)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
