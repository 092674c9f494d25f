using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
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
    public async Task<Result<ArticlePage>> Handle(ListArticlesQuery request, CancellationToken cancellationToken)
    {
        var matching = db.Articles;
        if (request.Tag is { } tag)
            matching = matching.Where(article => article.Tags.Any(link => link.Tag.Name == tag));
        if (request.Author is { } author)
            matching = matching.Where(article => article.Author.Username == author);
        if (request.Favorited is { } favoritedBy)
        {
            matching = matching.Where(article => db.Favorites.Any(favorite =>
                favorite.ArticleId == article.Id
                && db.Users.Any(user => user.Id == favorite.UserId && user.Username == favoritedBy)));
        }

        var viewerId = currentUser.Id;
        using var viewer = Viewer.Begin(db, viewerId);
        return await ArticlePaging.PageAsync(
            matching, page => page.ProjectToType<ArticleSummaryDto>(mapping),
            request.Limit, request.Offset, request.Cursor, cancellationToken);
    }
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
