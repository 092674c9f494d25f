using CleanTemplate.Application.Articles;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>RealWorld wraps article payloads in <c>{"article": {...}}</c>.</summary>
public sealed record ArticleEnvelope<T>(T? Article);

public sealed record ArticlesEnvelope(IReadOnlyList<ArticleSummaryDto> Articles, int ArticlesCount);

public sealed record NewArticleRequest(
    string? Title,
    string? Description,
    string? Body,
    IReadOnlyList<string>? TagList);

public sealed record UpdateArticleRequest(string? Title, string? Description, string? Body);
