using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanTemplate.TestSupport.Postgres;

/// <summary>
/// The SQL of every migration, as <c>dotnet ef migrations script</c> writes it. Generating it needs no server, so the
/// harness builds the EF model and this script while the server is still starting, then applies it in one round
/// trip: the same statements <c>Database.Migrate()</c> runs, without paying for model building after start-up.
/// </summary>
internal static class MigrationScript
{
    public static string Generate()
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseApplicationDatabase(connectionString: null, new DatabaseOptions());
        using var db = new ApplicationDbContext(options.Options);
        return db.GetService<IMigrator>().GenerateScript();
    }
}
