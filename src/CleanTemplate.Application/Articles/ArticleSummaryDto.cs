using CleanTemplate.Application.Profiles;

namespace CleanTemplate.Application.Articles;

/// <summary>An article in a list: everything but the body, which lists no longer return (RealWorld, 2024-08-16).</summary>
public sealed record ArticleSummaryDto(
    string Slug,
    string Title,
    string Description,
    IReadOnlyList<string> TagList,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Favorited,
    int FavoritesCount,
    ProfileDto Author)
{
    /// <summary>For the keyset cursor of the next page; not serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}
