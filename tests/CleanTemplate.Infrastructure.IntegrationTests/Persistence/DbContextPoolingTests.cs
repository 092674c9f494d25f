using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// The host leases its contexts from a pool (docs/dbcontext-lifetime.md) and prepares the statements it runs often
/// (docs/configuration.md, "Prepared statements"). Both are invisible in behaviour and easy to lose in a refactoring,
/// so they are asserted here rather than only measured by the API benchmark.
/// </summary>
public sealed class DbContextPoolingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_request_scope_leases_a_pooled_context_and_the_next_lease_counts_its_writes_afresh()
    {
        ApplicationDbContext first;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            first.Users.Add(TestUsers.New());
            await first.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<ICommittedWrites>().Count.ShouldBe(1);
        }

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            second.ShouldBeSameAs(first, "the context went back to the pool and came out again");
            scope.ServiceProvider.GetRequiredService<ICommittedWrites>().Count.ShouldBe(0);
            second.ChangeTracker.Entries().ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task A_query_run_twice_on_a_connection_is_prepared_on_the_server()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.OpenConnectionAsync();
        var name = TestUsers.UniqueName();

        for (var run = 0; run < 2; run++)
            await db.Users.AnyAsync(user => user.Username == name);

        var prepared = await db.Database
            .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements")
            .ToListAsync();
        prepared.ShouldContain(
            statement => statement.Contains("FROM users", StringComparison.Ordinal), string.Join("\n", prepared));
    }
}
