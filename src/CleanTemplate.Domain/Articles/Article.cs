using CleanTemplate.Domain.Articles.Events;
using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;

namespace CleanTemplate.Domain.Articles;

/// <summary>
/// The aggregate root of Conduit's content: owns its comments (one-to-many) and its tag links (many-to-many through
/// <see cref="ArticleTag"/>). Keyed by a UUID version 7 generated here, so ids are known before the insert and sort by
/// creation time. Deleting marks it <see cref="EntityStatus.Deleted"/>; nothing is destroyed.
/// </summary>
public sealed class Article : AuditableEntity<Guid>
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int SlugMaxLength = 240;

    private readonly List<ArticleTag> _tags = [];
    private readonly List<Comment> _comments = [];
    private IReadOnlyList<string> _tagNames = [];

    private Article()
    {
    }

    public string Slug { get; private set; } = null!;

    public string Title { get; private set; } = null!;

    public string Description { get; private set; } = null!;

    public string Body { get; private set; } = null!;

    public int AuthorId { get; private set; }

    /// <summary>For read projections; the author is another aggregate, never changed through an article.</summary>
    public User Author { get; private set; } = null!;

    /// <summary>
    /// Row version for optimistic concurrency: the database advances it on every update, and a save based on an
    /// older version fails instead of overwriting someone else's change.
    /// </summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<ArticleTag> Tags => _tags;

    /// <summary>
    /// The names of <see cref="Tags"/> in ordinal order, as every read of the article shows them: kept in the article's
    /// own row (a <c>text[]</c>), so a read needs no join. Set with the links, and like them never changed after
    /// <see cref="Write"/>; the links stay the source of filters by tag and of the tag statistics.
    /// </summary>
    public IReadOnlyList<string> TagNames => _tagNames;

    public IReadOnlyCollection<Comment> Comments => _comments;

    public static Article Write(int authorId, string title, string description, string body, IEnumerable<Tag> tags)
    {
        var article = new Article
        {
            Id = Guid.CreateVersion7(),
            AuthorId = authorId,
            Title = title,
            Slug = ArticleSlug.From(title),
            Description = description,
            Body = body,
        };
        foreach (var tag in tags.DistinctBy(tag => tag.Name))
            article._tags.Add(new ArticleTag(article.Id, tag));
        article._tagNames = [.. article._tags.Select(link => link.Tag.Name).Order(StringComparer.Ordinal)];
        article.Raise(new ArticlePublished(article));
        return article;
    }

    public bool IsWrittenBy(int userId) => AuthorId == userId;

    /// <summary>
    /// A new title gives a new slug; the old one stops resolving. Raises one event per save, and only if something
    /// changed.
    /// </summary>
    public void Edit(string? title, string? description, string? body)
    {
        var changed = false;
        if (title is not null && title != Title)
        {
            Title = title;
            Slug = ArticleSlug.From(title);
            changed = true;
        }

        if (description is not null && description != Description)
        {
            Description = description;
            changed = true;
        }

        if (body is not null && body != Body)
        {
            Body = body;
            changed = true;
        }

        if (changed && !DomainEvents.Any(raised => raised is ArticleEdited))
            Raise(new ArticleEdited(this));
    }

    /// <summary>Used when the plain slug of the title is already taken by another live article.</summary>
    public void DisambiguateSlug() => Slug = ArticleSlug.Disambiguated(Slug, Id);

    public Comment Comment(int authorId, string body)
    {
        var comment = new Comment(Id, authorId, body);
        _comments.Add(comment);
        Raise(new CommentAdded(this, comment));
        return comment;
    }

    public void Delete()
    {
        Status = EntityStatus.Deleted;
        Raise(new ArticleDeleted(this));
    }
}
