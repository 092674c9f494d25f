namespace CleanTemplate.Domain.Articles;

/// <summary>An association object with a composite key (user, article) and its own column, when favorited.</summary>
public sealed class Favorite
{
    public Favorite(int userId, Guid articleId)
    {
        UserId = userId;
        ArticleId = articleId;
    }

    public int UserId { get; private set; }

    public Guid ArticleId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
