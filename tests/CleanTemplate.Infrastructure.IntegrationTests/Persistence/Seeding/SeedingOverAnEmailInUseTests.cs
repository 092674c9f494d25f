using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.Seeding;

/// <summary>Its own class, so its own database: someone else already has a sample user's email.</summary>
public sealed class SeedingOverAnEmailInUseTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_sample_email_another_user_has_stops_the_seed_naming_both_and_nothing_is_written()
    {
        await fixture.CommitAsync(TestUsers.New("anna-by-hand", "ANNA@example.com"));

        await using var scope = fixture.Services.CreateAsyncScope();
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => scope.ServiceProvider.GetRequiredService<IDatabaseSeeder>().SeedAsync(CancellationToken.None));

        error.Message.ShouldBe(
            "Cannot seed: the sample email anna@example.com already belongs to the user 'anna-by-hand'. "
            + "Nothing was seeded; change that user's email, or seed another database.");
        var check = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await check.Users.Select(user => user.Username).ToListAsync()).ShouldBe(["anna-by-hand"]);
        (await check.Articles.CountAsync()).ShouldBe(0);
    }
}
