using System.Linq.Expressions;
using System.Reflection;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// For the hottest reads: a Mapster projection turned into part of an EF compiled query
/// (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TParam2, TResult}(Expression{Func{TContext, TParam1, TParam2, TResult}})"/>),
/// so that EF translates it once instead of walking, evaluating and hashing the whole expression tree on every
/// execution (a third of a single-article request's CPU, measured by the API benchmark's profile). The projection
/// reads the caller through <see cref="Viewer.Current"/>; here <c>Viewer.Current.Id</c> becomes a parameter of the
/// compiled query and <c>Viewer.Current.Reads.X</c> the context's own no-tracking set, which is what IReadDbContext
/// returns too.
/// </summary>
public static class CompiledReads
{
    private static readonly MethodInfo Set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    private static readonly MethodInfo AsNoTracking = typeof(EntityFrameworkQueryableExtensions)
        .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!;

    /// <summary><paramref name="projection"/> with the viewer read from the given parameters instead of <see cref="Viewer.Current"/>.</summary>
    public static Expression<Func<TSource, TDto>> WithViewer<TSource, TDto>(
        Expression<Func<TSource, TDto>> projection, ParameterExpression context, ParameterExpression viewerId)
    {
        var rewritten = (Expression<Func<TSource, TDto>>)new ViewerParameters(context, viewerId).Visit(projection);
        if (new ViewerFinder().Finds(rewritten))
            throw new InvalidOperationException($"The projection to {typeof(TDto).Name} reads {nameof(Viewer)}.{nameof(Viewer.Current)} other than by Id or Reads.");
        return rewritten;
    }

    /// <summary><c>context.Set&lt;TEntity&gt;().AsNoTracking()</c>: what <see cref="IReadDbContext"/> returns, with the same query filters.</summary>
    public static MethodCallExpression NoTrackingSet(ParameterExpression context, Type entity) =>
        Expression.Call(AsNoTracking.MakeGenericMethod(entity), Expression.Call(context, Set.MakeGenericMethod(entity)));

    /// <summary>The EF context behind the read port: compiled queries run on a <see cref="DbContext"/>.</summary>
    public static DbContext ContextOf(IReadDbContext reads) =>
        reads as DbContext ?? throw new InvalidOperationException($"{reads.GetType().Name} is not an EF Core DbContext; compiled reads need one.");

    private static bool IsCurrentViewer(Expression? expression) =>
        expression is MemberExpression { Expression: null, Member: PropertyInfo { Name: nameof(Viewer.Current) } property }
        && property.DeclaringType == typeof(Viewer);

    private sealed class ViewerParameters(ParameterExpression context, ParameterExpression viewerId) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member.Name == nameof(Viewer.Id) && IsCurrentViewer(node.Expression))
                return viewerId;

            if (node.Expression is MemberExpression { Member.Name: nameof(Viewer.Reads) } reads && IsCurrentViewer(reads.Expression))
            {
                return NoTrackingSet(context, node.Type.GetGenericArguments()[0]);
            }

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
