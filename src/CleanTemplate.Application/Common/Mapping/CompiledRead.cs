using System.Linq.Expressions;
using CleanTemplate.Application.Common.Interfaces;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// One row of <typeparamref name="TSource"/> by a key, projected to <typeparamref name="TDto"/> as a viewer sees it,
/// through an EF compiled query (<see cref="CompiledReads"/>), compiled per config and model
/// (<see cref="CompiledReadCache{TQuery}"/>).
/// </summary>
public sealed class CompiledRead<TSource, TDto, TKey>(Expression<Func<TSource, TKey, bool>> filter)
    where TSource : class
{
    private readonly CompiledReadCache<Func<DbContext, TKey, int?, CancellationToken, Task<TDto?>>> _compiled =
        new(mapping => CompiledReads.SingleOrDefault<TSource, TDto, TKey>(mapping, filter));

    public Task<TDto?> SingleOrDefaultAsync(
        IReadDbContext reads, TypeAdapterConfig mapping, TKey key, int? viewerId, CancellationToken cancellationToken)
    {
        var context = CompiledReads.ContextOf(reads);
        return _compiled.For(mapping, context)(context, key, viewerId, cancellationToken);
    }
}
