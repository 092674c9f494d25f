using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>The primary's pool of contexts for queries (<see cref="PrimaryQueryRoute"/>): one per host.</summary>
internal sealed class QueryContexts(IDbContextFactory<ApplicationDbContext> contexts)
{
    public IDbContextFactory<ApplicationDbContext> Contexts { get; } = contexts;
}
