using System.Net.Sockets;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Without standbys, a query reads the primary through a context without EF's retries (so EF streams its rows) and
/// falls back to the request's own, retrying context when the database fails it; commands and open transactions keep
/// the request's context.
/// </summary>
public sealed class PrimaryQueryRouteTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_query_reads_through_a_context_without_retries_and_sees_the_committed_data()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var request = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var route = scope.ServiceProvider.GetRequiredService<IQueryRoute>();
        var reads = (IRoutedReadDbContext)scope.ServiceProvider.GetRequiredService<IReadDbContext>();

        route.TryRouteQuery().ShouldBeTrue();

        reads.CurrentContext.ShouldNotBeSameAs(request);
        reads.CurrentContext.Database.CreateExecutionStrategy().RetriesOnFailure.ShouldBeFalse();
        (await ((IReadDbContext)reads).Users.CountAsync()).ShouldBe(await request.Users.CountAsync());
    }

    [Fact]
    public async Task A_query_in_a_scope_that_has_not_used_the_request_s_context_leases_none()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var route = scope.ServiceProvider.GetRequiredService<IQueryRoute>();
        var reads = scope.ServiceProvider.GetRequiredService<IReadDbContext>();

        route.TryRouteQuery().ShouldBeTrue();
        await reads.Users.CountAsync();

        scope.ServiceProvider.GetRequiredService<RequestContextLease>().Leased.ShouldBeNull();
        var request = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        scope.ServiceProvider.GetRequiredService<RequestContextLease>().Leased.ShouldBeSameAs(request);
    }

    [Fact]
    public async Task Inside_a_transaction_of_the_request_s_context_a_query_reads_that_context()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var request = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await using var transaction = await request.Database.BeginTransactionAsync();
        var route = scope.ServiceProvider.GetRequiredService<IQueryRoute>();

        route.TryRouteQuery().ShouldBeFalse();

        ((IRoutedReadDbContext)scope.ServiceProvider.GetRequiredService<IReadDbContext>()).CurrentContext
            .ShouldBeSameAs(request);
    }

    [Fact]
    public void A_transient_failure_sends_the_query_back_to_the_request_s_context_and_nothing_else_does()
    {
        using var scope = fixture.Services.CreateScope();
        var request = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var route = scope.ServiceProvider.GetRequiredService<IQueryRoute>();
        var reads = (IRoutedReadDbContext)scope.ServiceProvider.GetRequiredService<IReadDbContext>();
        route.TryRouteQuery();

        route.FallBackToPrimary(new InvalidOperationException("A bug, not the database.")).ShouldBeFalse();
        reads.CurrentContext.ShouldNotBeSameAs(request);
        var dropped = new NpgsqlException("Exception while reading from stream", new SocketException());
        route.FallBackToPrimary(new InvalidOperationException("Likely a transient failure.", dropped))
            .ShouldBeTrue();

        reads.CurrentContext.ShouldBeSameAs(request);
    }

    [Fact]
    public void A_command_keeps_the_scope_s_reads_on_the_request_s_context()
    {
        using var scope = fixture.Services.CreateScope();
        var route = scope.ServiceProvider.GetRequiredService<IQueryRoute>();
        route.TryRouteQuery();

        route.UsePrimary();

        ((IRoutedReadDbContext)scope.ServiceProvider.GetRequiredService<IReadDbContext>()).CurrentContext
            .ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }
}
