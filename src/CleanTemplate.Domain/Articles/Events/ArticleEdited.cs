using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Articles.Events;

public sealed record ArticleEdited(Article Article) : IDomainEvent;
