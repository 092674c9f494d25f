namespace CleanTemplate.Domain.Articles;

/// <summary>A derived read model: how many live articles use a tag, as of <see cref="ComputedAt"/>.</summary>
public sealed class TagStatistic
{
    private TagStatistic()
    {
    }

    public int TagId { get; private set; }

    public int ArticleCount { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }
}
