using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.Domain.Users;
using FluentValidation;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// The article list's and the feed's paging: offset for the spec, a keyset cursor for deep pages. Both are one EF
/// compiled query (<see cref="CompiledReads"/>), so EF translates the page once rather than evaluating and hashing
/// its whole expression on every request (about a seventh of a list request's CPU in the API benchmark's profile).
/// </summary>
public static class ArticlePaging
{
    public const int DefaultLimit = 20;

    /// <summary>The largest page a client may ask for; larger limits answer 422.</summary>
    public const int MaxLimit = 100;

    public static readonly string LimitRule = $"must be a whole number between 1 and {MaxLimit}";
    public static readonly string OffsetRule = "must be a whole number, 0 or more";

    // Which articles a page is of. A filter that is not set is null, and EF leaves it out of the SQL: it writes the
    // command for the parameters' nullness, and keeps one per combination. Each is an EXISTS, never a navigation
    // (article.Author.Username), whose join would stay in the count of every page even with the filter left out.
    private static readonly Expression<Func<DbContext, Article, string?, string?, string?, int?, bool>> Matches =
        (db, article, tag, author, favoritedBy, followedBy) =>
            (tag == null || article.Tags.Any(link => link.Tag.Name == tag))
            && (author == null || db.Set<User>().Any(user => user.Id == article.AuthorId && user.Username == author))
            && (favoritedBy == null || db.Set<Favorite>().Any(favorite => favorite.ArticleId == article.Id
                && db.Set<User>().Any(user => user.Id == favorite.UserId && user.Username == favoritedBy)))
            && (followedBy == null || db.Set<Follow>().Any(follow => follow.FollowerId == followedBy
                && follow.FolloweeId == article.AuthorId));

    // Newest first, after the cursor if there is one (the row-value comparison (created_at, id) < (@at, @id), spelled
    // out so EF translates it portably), then one page. Every row carries the count of all matches as an uncorrelated
    // scalar subquery, which PostgreSQL computes once per statement (an InitPlan). Matching and Summary stand for
    // Matches and the Mapster projection, put in by Spliced.
    private static readonly Expression<Func<DbContext, string?, string?, string?, int?, DateTimeOffset?, Guid, int, int,
        int?, IQueryable<CountedRow>>> Page =
        (db, tag, author, favoritedBy, followedBy, afterCreatedAt, afterId, offset, take, viewerId) =>
            Matching(db, tag, author, favoritedBy, followedBy)
                .Where(article => afterCreatedAt == null || article.CreatedAt < afterCreatedAt
                    || (article.CreatedAt == afterCreatedAt && article.Id.CompareTo(afterId) < 0))
                .OrderByDescending(article => article.CreatedAt).ThenByDescending(article => article.Id)
                .Skip(offset)
                .Take(take)
                .Select(article => Summary(article))
                .Select(summary => new CountedRow(Matching(db, tag, author, favoritedBy, followedBy).Count(), summary));

    private static readonly Expression<Func<DbContext, string?, string?, string?, int?, CancellationToken, int>> Count =
        (db, tag, author, favoritedBy, followedBy, cancellationToken) =>
            Matching(db, tag, author, favoritedBy, followedBy).Count();

    private static readonly CompiledReadCache<Func<DbContext, string?, string?, string?, int?, DateTimeOffset?, Guid,
        int, int, int?, IAsyncEnumerable<CountedRow>>> Pages =
        new(mapping => EF.CompileAsyncQuery(Spliced(Page, mapping)));

    private static readonly CompiledReadCache<Func<DbContext, string?, string?, string?, int?, CancellationToken,
        Task<int>>> Counts = new(mapping => EF.CompileAsyncQuery(Spliced(Count, mapping)));

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
    /// The page of the articles matching <paramref name="filter"/> as <paramref name="viewerId"/> sees them, the
    /// number of all of them and the next cursor, in ONE SQL command; only an empty page (past the end, or nothing
    /// matches) costs a second command, for the count.
    /// </summary>
    public static async Task<ArticlePage> PageAsync(
        IReadDbContext reads, TypeAdapterConfig mapping, ArticleFilter filter, int? viewerId,
        int? limit, int? offset, string? cursor, CancellationToken cancellationToken)
    {
        var take = limit ?? DefaultLimit;
        var context = CompiledReads.ContextOf(reads);
        ArticleCursor.TryDecode(cursor, out var after);

        // One row more than asked says whether a next page exists, without another query.
        var rows = new List<CountedRow>(take + 1);
        var page = Pages.For(mapping, context)(
            context, filter.Tag, filter.Author, filter.FavoritedBy, filter.FollowedBy, after?.CreatedAt,
            after?.Id ?? Guid.Empty, after is null ? offset ?? 0 : 0, take + 1, viewerId);
        await foreach (var row in page.WithCancellation(cancellationToken))
            rows.Add(row);

        var total = rows.Count > 0
            ? rows[0].Total
            : await Counts.For(mapping, context)(
                context, filter.Tag, filter.Author, filter.FavoritedBy, filter.FollowedBy, cancellationToken);
        var articles = rows.Take(take).Select(row => row.Article).ToList();
        var next = rows.Count > take ? new ArticleCursor(articles[^1].CreatedAt, articles[^1].Id).Encode() : null;
        return new ArticlePage(articles, total, next);
    }

    private static IQueryable<Article> Matching(
        DbContext db, string? tag, string? author, string? favoritedBy, int? followedBy) =>
        throw new UnreachableException($"{nameof(Spliced)} puts {nameof(Matches)} in its place.");

    private static ArticleSummaryDto Summary(Article article) =>
        throw new UnreachableException($"{nameof(Spliced)} puts the Mapster projection in its place.");

    // The query with Matching(...) as the no-tracking articles that match and Summary(article) as the projection, whose
    // viewer is the query's last parameter (CompiledReads.WithViewer).
    private static Expression<TQuery> Spliced<TQuery>(Expression<TQuery> query, TypeAdapterConfig mapping)
    {
        var viewerId = query.Parameters.SingleOrDefault(parameter => parameter.Name == "viewerId");
        var projection = viewerId is null
            ? null
            : CompiledReads.WithViewer(
                mapping.ProjectionOf<Article, ArticleSummaryDto>(), query.Parameters[0], viewerId);
        return (Expression<TQuery>)new Splicer(projection).Visit(query);
    }

    private sealed record CountedRow(int Total, ArticleSummaryDto Article);

    private sealed class Splicer(Expression<Func<Article, ArticleSummaryDto>>? projection) : ExpressionVisitor
    {
        private static readonly MethodInfo MatchingMethod =
            typeof(ArticlePaging).GetMethod(nameof(Matching), BindingFlags.NonPublic | BindingFlags.Static)!;

        private static readonly MethodInfo SummaryMethod =
            typeof(ArticlePaging).GetMethod(nameof(Summary), BindingFlags.NonPublic | BindingFlags.Static)!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == SummaryMethod)
            {
                var summary = projection
                    ?? throw new InvalidOperationException("A query projecting articles needs a viewerId.");
                return ReplacingExpressionVisitor.Replace(summary.Parameters[0], node.Arguments[0], summary.Body);
            }

            if (node.Method != MatchingMethod)
                return base.VisitMethodCall(node);

            var context = (ParameterExpression)node.Arguments[0];
            var article = Expression.Parameter(typeof(Article), "article");
            var predicate = ReplacingExpressionVisitor.Replace(
                Matches.Parameters, [context, article, .. node.Arguments.Skip(1)], Matches.Body);
            return Expression.Call(
                typeof(Queryable), nameof(Queryable.Where), [typeof(Article)],
                CompiledReads.NoTrackingSet(context, typeof(Article)),
                Expression.Quote(Expression.Lambda<Func<Article, bool>>(predicate, article)));
        }
    }
}
