using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Common.Validation;
using FluentValidation;
using Mapster;
using MediatR;

namespace CleanTemplate.Application.Articles.Queries.ListArticles;

/// <summary>
/// Newest first, filtered by tag, author and/or the user who favorited; one SQL command whatever the page size (two
/// for an empty page).
/// </summary>
public sealed record ListArticlesQuery(
    string? Tag,
    string? Author,
    string? Favorited,
    int? Limit,
    int? Offset,
    string? Cursor)
    : IQuery<ArticlePage>;

internal sealed class ListArticlesHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<ListArticlesQuery, Result<ArticlePage>>
{
    public async Task<Result<ArticlePage>> Handle(ListArticlesQuery request, CancellationToken cancellationToken) =>
        await ArticlePaging.PageAsync(
            db, mapping, new ArticleFilter(request.Tag, request.Author, request.Favorited), currentUser.Id,
            request.Limit, request.Offset, request.Cursor, cancellationToken);
}

internal sealed class ListArticlesValidator : AbstractValidator<ListArticlesQuery>
{
    public ListArticlesValidator()
    {
        this.AddPagingRules(query => query.Limit, query => query.Offset, query => query.Cursor);
        // A filter PostgreSQL cannot compare is refused like a bad field, naming it, rather than matching nothing.
        RuleFor(query => query.Tag).StorableText();
        RuleFor(query => query.Author).StorableText();
        RuleFor(query => query.Favorited).StorableText();
    }
}
