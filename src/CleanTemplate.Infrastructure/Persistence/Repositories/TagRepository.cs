using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class TagRepository(ApplicationDbContext db) : ITagRepository
{
    public async Task<IReadOnlyList<Tag>> EnsureAsync(
        IReadOnlyCollection<string> names,
        CancellationToken cancellationToken)
    {
        if (names.Count == 0)
            return [];

        // Sorted, so concurrent creates lock the tag rows in the same order and cannot deadlock each other.
        var array = names.Order(StringComparer.Ordinal).ToArray();
        // PostgreSQL upsert: INSERT ... ON CONFLICT DO NOTHING creates the missing names and silently skips the ones
        // that exist, including those a concurrent request inserts at the same moment (the unique index arbitrates).
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO tags (name) SELECT unnest({array}) ON CONFLICT (name) DO NOTHING", cancellationToken);
        // Tracked, so articles can link to them without EF trying to insert them again.
        return await db.Tags.Where(tag => array.Contains(tag.Name)).ToListAsync(cancellationToken);
    }
}
