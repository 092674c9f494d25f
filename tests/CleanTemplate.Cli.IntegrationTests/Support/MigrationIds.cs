using CleanTemplate.TestSupport.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Cli.IntegrationTests.Support;

/// <summary>The migrations this build contains, oldest first, so tests keep passing as migrations are added.</summary>
internal static class MigrationIds
{
    public static IReadOnlyList<string> All { get; } = Read();

    public static string Latest => All[^1];

    private static List<string> Read()
    {
        using var db = ModelOnlyDbContext.Create();
        return [.. db.Database.GetMigrations()];
    }
}
