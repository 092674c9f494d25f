using CleanTemplate.Domain.Articles;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Articles;

/// <summary>The article list's and the feed's paging: offset for the spec, a keyset cursor for deep pages.</summary>
public static class ArticlePaging
{
    public const int DefaultLimit = 20;

    /// <summary>The largest page a client may ask for; larger limits answer 422.</summary>
    public const int MaxLimit = 100;

    public static readonly string LimitRule = $"must be a whole number between 1 and {MaxLimit}";
    public static readonly string OffsetRule = "must be a whole number, 0 or more";

    public static void AddPagingRules<T>(
        this AbstractValidator<T> validator,
        Func<T, int?> limit,
        Func<T, int?> offset,
        Func<T, string?> cursor)
    {
        validator.RuleFor(request => limit(request)).InclusiveBetween(1, MaxLimit)
            .WithMessage(LimitRule).OverridePropertyName("limit");
        validator.RuleFor(request => offset(request)).GreaterThanOrEqualTo(0)
            .WithMessage(OffsetRule).OverridePropertyName("offset");
        validator.RuleFor(request => cursor(request)).Must(text => text is null || ArticleCursor.TryDecode(text, out _))
            .WithMessage("is not a cursor this API returned").OverridePropertyName("cursor");
        validator.RuleFor(request => offset(request))
            .Must((request, value) => value is null or 0 || cursor(request) is null)
            .WithMessage("can't be combined with cursor").OverridePropertyName("offset");
    }

    /// <summary>
    /// Newest first; then one page by cursor or by offset. Returns the page, the number of all matching articles and
    /// the next cursor, in ONE SQL command: every row carries the count as an uncorrelated scalar subquery, which
    /// PostgreSQL computes once per statement (an InitPlan). Only an empty page (past the end, or nothing matches)
    /// costs a second command, for the count.
    /// </summary>
    public static async Task<ArticlePage> PageAsync(
        IQueryable<Article> matching, Func<IQueryable<Article>, IQueryable<ArticleSummaryDto>> project,
        int? limit, int? offset, string? cursor, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        var ordered = matching;
        if (ArticleCursor.TryDecode(cursor, out var after))
        {
            // The row-value comparison (created_at, id) < (@createdAt, @id), spelled out so EF translates it portably.
            ordered = ordered.Where(article => article.CreatedAt < after.CreatedAt
                || (article.CreatedAt == after.CreatedAt && article.Id.CompareTo(after.Id) < 0));
        }

        ordered = ordered.OrderByDescending(article => article.CreatedAt).ThenByDescending(article => article.Id);
        if (after is null && offset is > 0)
            ordered = ordered.Skip(offset.Value);

        // One row more than asked says whether a next page exists, without another query.
        var rows = await project(ordered.Take(take + 1))
            .Select(article => new CountedRow(matching.Count(), article))
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : await matching.CountAsync(cancellationToken);
        var page = rows.Take(take).Select(row => row.Article).ToList();
        var next = rows.Count > take ? new ArticleCursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return new ArticlePage(page, total, next);
    }

    private sealed record CountedRow(int Total, ArticleSummaryDto Article);
}
