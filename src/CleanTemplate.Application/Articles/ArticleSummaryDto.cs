using CleanTemplate.Application.Profiles;

namespace CleanTemplate.Application.Articles;

/// <summary>An article in a list: all but the body, which lists no longer return (RealWorld, 2024-08-16).</summary>
public sealed record ArticleSummaryDto
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required IReadOnlyList<string> TagList { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required bool Favorited { get; init; }

    public required int FavoritesCount { get; init; }

    public required ProfileDto Author { get; init; }

    /// <summary>For the keyset cursor of the next page (<see cref="ArticleCursor"/>).</summary>
    public Guid Id { get; init; }
}
