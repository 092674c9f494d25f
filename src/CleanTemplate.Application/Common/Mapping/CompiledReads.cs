using System.Linq.Expressions;
using System.Reflection;
using CleanTemplate.Application.Common.Interfaces;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// The hottest reads (one article, one profile, a page of articles: ArticlePaging) as EF compiled queries built from
/// their Mapster projections, so EF translates each once instead of walking, evaluating and hashing the whole
/// projection on every execution (about a third of a single-article request's CPU in the API benchmark's profile,
/// a seventh of a list request's). The SQL is what <c>ProjectToType</c> sends. The projections read the caller
/// through <see cref="Viewer.Current"/>: here <c>Viewer.Current.Id</c> becomes a parameter of the query and
/// <c>Viewer.Current.Reads.X</c> the context's own no-tracking set, which is what <see cref="IReadDbContext"/>
/// returns too.
/// </summary>
public static class CompiledReads
{
    private static readonly MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    private static readonly MethodInfo AsNoTracking = typeof(EntityFrameworkQueryableExtensions)
        .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!;

    /// <summary>
    /// The one <typeparamref name="TDto"/> of the <typeparamref name="TSource"/> matching <paramref name="filter"/>
    /// for a key, or null, as a viewer sees it: <see cref="CompiledRead{TSource,TDto,TKey}"/> keeps them.
    /// </summary>
    internal static Func<DbContext, TKey, int?, CancellationToken, Task<TDto?>> SingleOrDefault<TSource, TDto, TKey>(
        TypeAdapterConfig mapping, Expression<Func<TSource, TKey, bool>> filter)
        where TSource : class
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        var viewerId = Expression.Parameter(typeof(int?), "viewerId");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var source = filter.Parameters[0];
        var key = filter.Parameters[1];

        var where = Expression.Call(
            typeof(Queryable), nameof(Queryable.Where), [typeof(TSource)],
            NoTrackingSet(context, typeof(TSource)),
            Expression.Quote(Expression.Lambda<Func<TSource, bool>>(filter.Body, source)));
        var select = Expression.Call(
            typeof(Queryable), nameof(Queryable.Select), [typeof(TSource), typeof(TDto)],
            where, Expression.Quote(WithViewer(mapping.ProjectionOf<TSource, TDto>(), context, viewerId)));
        var single = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TDto)], select);

        return EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, TKey, int?, CancellationToken, TDto?>>(
            single, context, key, viewerId, cancellation));
    }

    /// <summary>The EF context <paramref name="reads"/> reads through now: compiled queries run on a context.</summary>
    public static DbContext ContextOf(IReadDbContext reads) => reads switch
    {
        DbContext context => context,
        IRoutedReadDbContext routed => routed.CurrentContext,
        _ => throw new InvalidOperationException(
            $"{reads.GetType().Name} is neither an EF Core DbContext nor routes to one; compiled reads need one."),
    };

    /// <summary>
    /// <paramref name="projection"/> with the viewer read from the given parameters instead of
    /// <see cref="Viewer.Current"/>; any other use of the viewer is refused, since it would run at translation only.
    /// </summary>
    public static Expression<Func<TSource, TDto>> WithViewer<TSource, TDto>(
        Expression<Func<TSource, TDto>> projection, ParameterExpression context, ParameterExpression viewerId)
    {
        var rewritten = (Expression<Func<TSource, TDto>>)new ViewerParameters(context, viewerId).Visit(projection);
        if (new ViewerFinder().Finds(rewritten))
        {
            throw new InvalidOperationException(
                $"The projection to {typeof(TDto).Name} reads {nameof(Viewer)}.{nameof(Viewer.Current)} other than "
                + $"by {nameof(Viewer.Id)} or {nameof(Viewer.Reads)}.");
        }

        return rewritten;
    }

    // context.Set<TEntity>().AsNoTracking(): what IReadDbContext returns, with the same query filters.
    internal static MethodCallExpression NoTrackingSet(ParameterExpression context, Type entity) =>
        Expression.Call(
            AsNoTracking.MakeGenericMethod(entity), Expression.Call(context, Set.MakeGenericMethod(entity)));

    private static bool IsCurrentViewer(Expression? expression) =>
        expression is MemberExpression { Expression: null, Member: PropertyInfo { Name: nameof(Viewer.Current) } }
            property
        && property.Member.DeclaringType == typeof(Viewer);

    private sealed class ViewerParameters(ParameterExpression context, ParameterExpression viewerId)
        : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member.Name == nameof(Viewer.Id) && IsCurrentViewer(node.Expression))
                return viewerId;
            if (node.Expression is MemberExpression { Member.Name: nameof(Viewer.Reads) } reads
                && IsCurrentViewer(reads.Expression))
                return NoTrackingSet(context, node.Type.GetGenericArguments()[0]);
            return base.VisitMember(node);
        }
    }

    private sealed class ViewerFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            _found |= IsCurrentViewer(node);
            return base.VisitMember(node);
        }
    }
}
