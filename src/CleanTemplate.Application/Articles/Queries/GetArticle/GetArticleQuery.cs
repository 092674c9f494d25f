using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Articles.Queries.GetArticle;

/// <summary>One article by slug, in one SQL command.</summary>
public sealed record GetArticleQuery(string Slug) : IQuery<ArticleDto>;

internal sealed class GetArticleHandler(ArticleReads reads, ICurrentUser currentUser)
    : IRequestHandler<GetArticleQuery, Result<ArticleDto>>
{
    public async Task<Result<ArticleDto>> Handle(GetArticleQuery request, CancellationToken cancellationToken) =>
        await reads.BySlugAsync(request.Slug, currentUser.Id, cancellationToken) is { } article
            ? article
            : ArticleErrors.NotFound(request.Slug);
}
