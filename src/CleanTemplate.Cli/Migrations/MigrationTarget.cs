using CleanTemplate.Cli.Composition;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanTemplate.Cli.Migrations;

/// <summary>
/// Turns what the user typed into the migration id EF's migrator takes, refusing what would surprise: an upgrade
/// that would revert, a downgrade that would apply. EF has no relative steps, so <c>-1</c> is computed from the
/// applied list.
/// </summary>
internal static class MigrationTarget
{
    /// <summary>
    /// The id to migrate up to: <paramref name="requested"/> (an id or a name), or the latest when it is null.
    /// </summary>
    public static string ForUpgrade(IReadOnlyList<string> known, IReadOnlyList<string> applied, string? requested)
    {
        if (known.Count == 0)
            throw new UsageException("This build has no migrations.");
        var target = requested is null ? known[^1] : Find(known, requested);
        var current = applied.Count == 0 ? -1 : IndexOf(known, applied[^1]);
        if (IndexOf(known, target) < current)
            throw new UsageException(
                $"{target} is older than the current migration {applied[^1]}: use `db downgrade {target}` to revert.");
        return target;
    }

    /// <summary>
    /// The id to migrate down to: <c>0</c> for an empty schema, <c>-1</c> for the migration before the last applied
    /// one, or an applied migration's id or name. <see cref="Migration.InitialDatabase"/> stands for "none".
    /// </summary>
    public static string ForDowngrade(IReadOnlyList<string> known, IReadOnlyList<string> applied, string requested)
    {
        if (requested == "0")
            return Migration.InitialDatabase;
        if (requested == "-1")
            return applied.Count < 2 ? Migration.InitialDatabase : applied[^2];

        var target = Find(known, requested);
        return applied.Contains(target, StringComparer.Ordinal)
            ? target
            : throw new UsageException($"{target} is not applied: `db upgrade {requested}` applies it.");
    }

    /// <summary>
    /// The id of the migration named <paramref name="idOrName"/> (<c>20261121145713_InitialCreate</c> or
    /// <c>InitialCreate</c>).
    /// </summary>
    public static string Find(IReadOnlyList<string> known, string idOrName) =>
        known.FirstOrDefault(id => string.Equals(id, idOrName, StringComparison.OrdinalIgnoreCase))
        ?? known.FirstOrDefault(id =>
            string.Equals(MigrationStatus.NameOf(id), idOrName, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"No migration named '{idOrName}'. Known: {string.Join(", ", known)}.");

    private static int IndexOf(IReadOnlyList<string> known, string id) => known.ToList().IndexOf(id);
}
