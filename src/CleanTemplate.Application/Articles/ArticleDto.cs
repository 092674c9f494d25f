using CleanTemplate.Application.Profiles;

namespace CleanTemplate.Application.Articles;

/// <summary>The RealWorld "Article", with its body: the single-article responses.</summary>
public sealed record ArticleDto
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Body { get; init; }

    public required IReadOnlyList<string> TagList { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required bool Favorited { get; init; }

    public required int FavoritesCount { get; init; }

    public required ProfileDto Author { get; init; }

    /// <summary>The row version: the concurrency token <c>UpdateArticle</c> compares with the expected one.</summary>
    public uint Version { get; init; }
}
