using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Seeding;

/// <summary>Its own class, so its own database: the seed must meet data someone already created by hand.</summary>
public sealed class SeedingOverExistingDataTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_seed_user_registered_by_hand_is_kept_and_everything_missing_is_added()
    {
        var handMade = TestUsers.New("jake", "jake.by.hand@example.com");
        await fixture.CommitAsync(handMade);

        await using var scope = fixture.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>();
        var seeded = await seeder.SeedAsync(CancellationToken.None);

        seeded.ShouldBeTrue();
        var check = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await check.Users.CountAsync()).ShouldBe(3);
        (await check.Users.SingleAsync(user => user.Username == "jake")).Email.ShouldBe("jake.by.hand@example.com");
        (await check.Articles.CountAsync()).ShouldBe(4);
        (await check.Articles.CountAsync(article => article.AuthorId == handMade.Id)).ShouldBe(1);
        (await check.Follows.CountAsync()).ShouldBe(3);
    }
}
