using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CleanTemplate.Application.Common.Interfaces;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// One row of <typeparamref name="TSource"/> by a key, projected to <typeparamref name="TDto"/> as a viewer sees it,
/// through an EF compiled query (<see cref="CompiledReads"/>). A compiled query runs only on contexts of the model it
/// was first run on, and the primary's contexts and a standby's have a model each (their options differ), so it is
/// compiled once per model, and per Mapster config (the host has one; tests may build their own).
/// </summary>
public sealed class CompiledRead<TSource, TDto, TKey>(Expression<Func<TSource, TKey, bool>> filter)
    where TSource : class
{
    private readonly ConditionalWeakTable<TypeAdapterConfig,
        ConcurrentDictionary<IModel, Func<DbContext, TKey, int?, CancellationToken, Task<TDto?>>>> _compiled = new();

    public Task<TDto?> SingleOrDefaultAsync(
        IReadDbContext reads, TypeAdapterConfig mapping, TKey key, int? viewerId, CancellationToken cancellationToken)
    {
        var context = CompiledReads.ContextOf(reads);
        var query = _compiled.GetValue(mapping, static _ => new()).GetOrAdd(
            context.Model,
            static (_, read) => CompiledReads.SingleOrDefault<TSource, TDto, TKey>(read.mapping, read.filter),
            (mapping, filter));
        return query(context, key, viewerId, cancellationToken);
    }
}
