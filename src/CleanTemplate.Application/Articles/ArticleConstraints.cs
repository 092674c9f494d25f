namespace CleanTemplate.Application.Articles;

/// <summary>Index names use cases map back to a meaning when a concurrent write wins the race.</summary>
public static class ArticleConstraints
{
    /// <summary>Partial: unique among live articles only, so a deleted article's slug can be used again.</summary>
    public const string SlugUniqueIndex = "ix_articles_slug";

    public const string TagNameUniqueIndex = "ix_tags_name";
}
