namespace CleanTemplate.Application.Articles;

/// <summary>
/// Which articles a page of <see cref="ArticlePaging"/> shows: those with a tag, by an author, favorited by a user,
/// by the authors a user follows (the feed), or any combination; a filter left null does not apply.
/// </summary>
public sealed record ArticleFilter(
    string? Tag = null,
    string? Author = null,
    string? FavoritedBy = null,
    int? FollowedBy = null);
