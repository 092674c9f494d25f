using CleanTemplate.Application.Common.Interfaces;
//#if (conduit)
using CleanTemplate.Domain.Articles;
//#endif
using CleanTemplate.Domain.Common;
//#if (conduit)
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// The unit of work of a request or task: one instance per scope, never shared across threads. The host leases
/// instances from a pool (see docs/dbcontext-lifetime.md), so state of its own must be reset in
/// <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : DbContext(options), IReadDbContext
{
    /// <summary>
    /// What this lease of the context has committed, counted by <see cref="Interceptors.CommittedWritesInterceptor"/>.
    /// </summary>
    internal CommittedWrites CommittedWrites { get; private set; } = new();

    public DbSet<User> Users => Set<User>();

    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();

    /// <summary>What leaves the service, written by <see cref="UnitOfWork"/>; not part of the read port.</summary>
    internal DbSet<Outbox.OutboxEvent> OutboxEvents => Set<Outbox.OutboxEvent>();
    //#if (conduit)

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Favorite> Favorites => Set<Favorite>();

    public DbSet<TagStatistic> TagStatistics => Set<TagStatistic>();
    //#endif

    IQueryable<User> IReadDbContext.Users => Users.AsNoTracking();
    //#if (conduit)

    IQueryable<Follow> IReadDbContext.Follows => Follows.AsNoTracking();

    IQueryable<Article> IReadDbContext.Articles => Articles.AsNoTracking();

    IQueryable<Tag> IReadDbContext.Tags => Tags.AsNoTracking();

    IQueryable<Comment> IReadDbContext.Comments => Comments.AsNoTracking();

    IQueryable<Favorite> IReadDbContext.Favorites => Favorites.AsNoTracking();
    //#endif

    /// <summary>Returns a pooled context to its pool (EF resets its own state); the next lease counts afresh.</summary>
    public override ValueTask DisposeAsync()
    {
        CommittedWrites = new();
        return base.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public override void Dispose()
    {
        CommittedWrites = new();
        base.Dispose();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Domain events live on entities in memory only.
        configurationBuilder.IgnoreAny<IDomainEvent>();
        configurationBuilder.Properties<EntityStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}
