using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Articles.Events;
using CleanTemplate.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Articles.Events;

/// <summary><c>articles.published</c>: a new article; the body stays behind (ask the API for it).</summary>
public sealed record ArticlePublishedPayload(
    Guid ArticleId, string Slug, string Title, string Description, string Author, IReadOnlyList<string> TagList);

/// <summary><c>articles.updated</c>: the article as it is after the edit; its slug changes with its title.</summary>
public sealed record ArticleUpdatedPayload(
    Guid ArticleId, string Slug, string Title, string Description, string Author, IReadOnlyList<string> TagList);

/// <summary><c>articles.deleted</c>: the slug no longer resolves.</summary>
public sealed record ArticleDeletedPayload(Guid ArticleId, string Slug, string Author);

/// <summary>
/// <c>articles.comment-added</c>: <see cref="Author"/> wrote the comment, on the article named by slug.
/// </summary>
public sealed record CommentAddedPayload(int CommentId, Guid ArticleId, string ArticleSlug, string Author, string Body);

/// <summary>
/// Article and comment events. Each reads the author's username and the article's tags in one query, inside the
/// transaction that wrote the change: the entities in memory carry ids, not names, and an edit loads no tags.
/// </summary>
internal sealed class ArticleOutgoingEvents(IReadDbContext db) : IOutgoingEvents
{
    public const string Published = "articles.published";
    public const string Updated = "articles.updated";
    public const string Deleted = "articles.deleted";
    public const string CommentAdded = "articles.comment-added";

    public async Task<OutgoingEvent?> DescribeAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        switch (domainEvent)
        {
            case ArticlePublished { Article: var article }:
            {
                var (author, tags) = await AuthorAndTagsAsync(article, article.AuthorId, cancellationToken);
                return new OutgoingEvent(Published, new ArticlePublishedPayload(
                    article.Id, article.Slug, article.Title, article.Description, author, tags), tags);
            }
            case ArticleEdited { Article: var article }:
            {
                var (author, tags) = await AuthorAndTagsAsync(article, article.AuthorId, cancellationToken);
                return new OutgoingEvent(Updated, new ArticleUpdatedPayload(
                    article.Id, article.Slug, article.Title, article.Description, author, tags), tags);
            }
            case ArticleDeleted { Article: var article }:
            {
                var (author, tags) = await AuthorAndTagsAsync(article, article.AuthorId, cancellationToken);
                return new OutgoingEvent(Deleted, new ArticleDeletedPayload(article.Id, article.Slug, author), tags);
            }
            case Domain.Articles.Events.CommentAdded { Article: var article, Comment: var comment }:
            {
                // A comment has no natural key to read its id back by: it is saved inside a transaction (AddComment).
                if (comment.Id == 0)
                {
                    throw new InvalidOperationException(
                        "A comment's event needs its id: save the comment inside InTransactionAsync.");
                }
                var (author, tags) = await AuthorAndTagsAsync(article, comment.AuthorId, cancellationToken);
                return new OutgoingEvent(CommentAdded, new CommentAddedPayload(
                    comment.Id, article.Id, article.Slug, author, comment.Body), tags);
            }
            default:
                return null;
        }
    }

    // Deleted articles too: the query filter would hide the article this event is about.
    private async Task<(string Author, IReadOnlyList<string> Tags)> AuthorAndTagsAsync(
        Article article, int authorId, CancellationToken cancellationToken)
    {
        var facts = await db.Articles.IgnoreQueryFilters()
            .Where(saved => saved.Id == article.Id)
            .Select(saved => new
            {
                Author = db.Users.IgnoreQueryFilters().Where(user => user.Id == authorId)
                    .Select(user => user.Username).FirstOrDefault(),
                Tags = saved.TagNames,
            })
            .SingleAsync(cancellationToken);
        return (facts.Author ?? throw new InvalidOperationException($"No user {authorId}."), facts.Tags);
    }
}
