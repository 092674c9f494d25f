using CleanTemplate.Application.Profiles;

namespace CleanTemplate.Application.Articles;

/// <summary>The RealWorld "Article", with its body: the single-article responses.</summary>
public sealed record ArticleDto(
    string Slug,
    string Title,
    string Description,
    string Body,
    IReadOnlyList<string> TagList,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Favorited,
    int FavoritesCount,
    ProfileDto Author)
{
    /// <summary>The row version, sent as the ETag header rather than in the body (the spec's shape stays exact).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }
}
