namespace CleanTemplate.Application.Articles;

/// <summary>A page of articles, the total count of matches, and the next page's cursor (null on the last).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummaryDto> Articles, int ArticlesCount, string? NextCursor);
