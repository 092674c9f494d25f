using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Builds the context for `dotnet ef` with the same provider setup as the app (history table included). Adding or
/// scripting migrations needs no server; commands that do (database update) read the connection string from the
/// ConnectionStrings__DatabaseDirect environment variable, else ConnectionStrings__Database.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        var settings = new DatabaseOptions();
        options.UseApplicationDatabase(
            DatabaseConnectionString.BuildDirect(
                Environment.GetEnvironmentVariable("ConnectionStrings__DatabaseDirect"),
                Environment.GetEnvironmentVariable("ConnectionStrings__Database"),
                settings),
            settings);
        return new ApplicationDbContext(options.Options);
    }
}
