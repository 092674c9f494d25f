using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Articles.Events;

public sealed record ArticlePublished(Article Article) : IDomainEvent;
