namespace CleanTemplate.Application.Articles;

/// <summary>A page of articles, the total count of matches, and the cursor of the page after it (null on the last page).</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummaryDto> Articles, int ArticlesCount, string? NextCursor);
