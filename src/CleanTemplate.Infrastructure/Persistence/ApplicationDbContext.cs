using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence.Conventions;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>The unit of work of a request or task: one instance per scope, never shared across threads.</summary>
public sealed class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : DbContext(options), IReadDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();

    IQueryable<User> IReadDbContext.Users => Users.AsNoTracking();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Domain events live on entities in memory only.
        configurationBuilder.IgnoreAny<IDomainEvent>();
        configurationBuilder.Properties<EntityStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
    }
}
