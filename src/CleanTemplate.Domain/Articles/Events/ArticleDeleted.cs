using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Articles.Events;

public sealed record ArticleDeleted(Article Article) : IDomainEvent;
