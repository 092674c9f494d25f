using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.TestSupport.Persistence;

/// <summary>
/// An <see cref="ApplicationDbContext"/> set up like the app's but with no server, for what needs only the model:
/// migration scripts, the list of migrations, model checks, diagrams.
/// </summary>
public static class ModelOnlyDbContext
{
    /// <param name="configure">Changes to the options, e.g. a replaced service that alters the model.</param>
    public static ApplicationDbContext Create(Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(connectionString: null, new DatabaseOptions());
        configure?.Invoke(options);
        return new ApplicationDbContext(options.Options);
    }
}
