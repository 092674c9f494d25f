using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;

namespace CleanTemplate.Domain.Articles;

/// <summary>Part of the <see cref="Article"/> aggregate (one-to-many); deleting marks it deleted.</summary>
public sealed class Comment : AuditableEntity<int>
{
    public const int BodyMaxLength = 10_000;

    private Comment()
    {
    }

    internal Comment(Guid articleId, int authorId, string body)
    {
        ArticleId = articleId;
        AuthorId = authorId;
        Body = body;
    }

    public Guid ArticleId { get; private set; }

    public int AuthorId { get; private set; }

    /// <summary>For read projections only.</summary>
    public User Author { get; private set; } = null!;

    public string Body { get; private set; } = null!;

    public bool IsWrittenBy(int userId) => AuthorId == userId;

    public void Delete() => Status = EntityStatus.Deleted;
}
