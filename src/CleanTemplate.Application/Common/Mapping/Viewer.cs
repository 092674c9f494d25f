using CleanTemplate.Application.Common.Interfaces;
using Mapster;

namespace CleanTemplate.Application.Common.Mapping;

/// <summary>
/// Who reads, for the projection members that depend on the caller (favorited, following) or on another set
/// (favoritesCount). A Mapster parameter, so the config stays one singleton: EF reads <see cref="Current"/> when the
/// query runs and turns the caller's id into a SQL parameter, as it did with a captured local.
/// </summary>
public sealed record Viewer(IReadDbContext Reads, int? Id)
{
    private const string Key = nameof(Viewer);

    /// <summary>The viewer of the read running now; only projections read it.</summary>
    public static Viewer Current =>
        MapContext.Current?.Parameters.GetValueOrDefault(Key) as Viewer
        ?? throw new InvalidOperationException($"A projection ran outside {nameof(Viewer)}.{nameof(Begin)}(...).");

    /// <summary>Makes <paramref name="id"/> the viewer until disposed: keep it open until the query has run.</summary>
    public static IDisposable Begin(IReadDbContext reads, int? id)
    {
        var scope = new MapContextScope(ignorePreviousContext: true);
        scope.Context.Parameters[Key] = new Viewer(reads, id);
        return scope;
    }
}
