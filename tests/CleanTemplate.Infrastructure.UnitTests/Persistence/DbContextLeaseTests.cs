using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanTemplate.Infrastructure.UnitTests.InfrastructureComposition;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence;

/// <summary>
/// Who returns a pooled context to its pool. The container disposes a scoped instance once for every service type it
/// was resolved as, so a request's context registered under a second type too (as <see cref="IReadDbContext"/> was)
/// is disposed twice. If a disposal returned it, the second would take it back from whichever unit of work had leased
/// it in between: under load, two requests on one context (an <see cref="ObjectDisposedException"/> in one, a command
/// "already in progress" in the other). Nothing here connects: a returned context refuses every use by itself.
/// </summary>
public sealed class DbContextLeaseTests
{
    [Fact]
    public async Task A_request_context_disposed_before_its_scope_ends_is_leased_to_no_one_else_until_then()
    {
        await using var services = Compose(new Dictionary<string, string?>()).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        ApplicationDbContext request;
        await using (var scope = services.CreateAsyncScope())
        {
            request = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

            await request.DisposeAsync();
            await using var task = await factory.CreateDbContextAsync();
            task.ShouldNotBeSameAs(request, "the request's context went back to the pool while its scope was open");
            request.ChangeTracker.Entries().ShouldBeEmpty();
        }

        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        new[] { first, second }.ShouldContain(request, "the scope's end returned the context to the pool");
        first.ShouldNotBeSameAs(second);
        first.ChangeTracker.Entries().ShouldBeEmpty();
        second.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_task_context_goes_back_to_the_pool_when_its_task_disposes_it()
    {
        await using var services = Compose(new Dictionary<string, string?>()).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();

        var task = await factory.CreateDbContextAsync();
        await task.DisposeAsync();
        await using var next = await factory.CreateDbContextAsync();

        next.ShouldBeSameAs(task);
        next.ChangeTracker.Entries().ShouldBeEmpty();
    }
}
