using CleanTemplate.Domain.Articles;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.TestSupport.Builders;

/// <summary>
/// Tags for the arrange step. Articles link only to saved tags, and a name exists once, so tags are loaded or created.
/// </summary>
public static class TestTags
{
    /// <summary>The tags of these names, tracked by <paramref name="db"/>: loaded if they exist, else saved.</summary>
    public static async Task<IReadOnlyList<Tag>> EnsureAsync(ApplicationDbContext db, IReadOnlyCollection<string> names)
    {
        var existing = await db.Tags.Where(tag => names.Contains(tag.Name)).ToListAsync();
        var missing = names
            .Distinct()
            .Except(existing.Select(tag => tag.Name))
            .Select(name => new Tag(0, name))
            .ToList();
        if (missing.Count > 0)
        {
            db.Tags.AddRange(missing);
            await db.SaveChangesAsync();
        }

        return [.. existing, .. missing];
    }
}
