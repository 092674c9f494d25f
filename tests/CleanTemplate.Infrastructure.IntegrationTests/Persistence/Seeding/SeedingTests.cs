using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Seeding;

/// <summary>
/// The seeder commits its own transaction, so these tests run on the class's database without a rollback scope.
/// </summary>
public sealed class SeedingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Seeding_is_idempotent_even_when_two_seeders_run_at_once()
    {
        var results = await Task.WhenAll(SeedAsync(), SeedAsync());
        var again = await SeedAsync();

        results.Count(seeded => seeded).ShouldBe(1);
        again.ShouldBeFalse();
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.Users.CountAsync()).ShouldBe(3);
        (await db.Articles.CountAsync()).ShouldBe(4);
        (await db.Tags.CountAsync()).ShouldBe(4);
        (await db.Follows.CountAsync()).ShouldBe(3);
        (await db.Favorites.CountAsync()).ShouldBe(4);
        (await db.Comments.CountAsync()).ShouldBe(3);
    }

    private async Task<bool> SeedAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>().SeedAsync(CancellationToken.None);
    }
}
