using CleanTemplate.TestSupport.Persistence;
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
        using var db = ModelOnlyDbContext.Create();
        return db.GetService<IMigrator>().GenerateScript();
    }
}
