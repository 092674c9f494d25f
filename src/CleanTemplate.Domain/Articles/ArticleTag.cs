namespace CleanTemplate.Domain.Articles;

/// <summary>The association entity of articles and tags; it carries its own column, when the tag was added.</summary>
public sealed class ArticleTag
{
    private ArticleTag()
    {
    }

    internal ArticleTag(Guid articleId, Tag tag)
    {
        ArticleId = articleId;
        TagId = tag.Id;
        Tag = tag;
    }

    public Guid ArticleId { get; private set; }

    public int TagId { get; private set; }

    public Tag Tag { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }
}
