using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Articles.Events;

public sealed record CommentAdded(Article Article, Comment Comment) : IDomainEvent;
