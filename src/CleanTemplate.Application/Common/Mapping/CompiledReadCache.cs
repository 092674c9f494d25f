using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// An EF compiled query built from a Mapster projection, kept once per Mapster config (the host has one; tests may
/// build their own) and per EF model: a compiled query runs only on contexts of the model it first ran on, and the
/// primary's contexts and a standby's have a model each (their options differ).
/// </summary>
public sealed class CompiledReadCache<TQuery>(Func<TypeAdapterConfig, TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<TypeAdapterConfig, ConcurrentDictionary<IModel, TQuery>> _compiled = new();

    /// <summary>The query for <paramref name="context"/>'s model, compiled with <paramref name="mapping"/>.</summary>
    public TQuery For(TypeAdapterConfig mapping, DbContext context) => _compiled
        .GetValue(mapping, static _ => new())
        .GetOrAdd(context.Model, static (_, state) => state.compile(state.mapping), (compile, mapping));
}
