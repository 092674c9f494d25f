using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Replicas;
using Microsoft.Extensions.DependencyInjection;
using static CleanTemplate.Infrastructure.UnitTests.InfrastructureComposition;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence.Replicas;

public sealed class ReplicaRegistrationTests
{
    [Fact]
    public void Without_replicas_the_reads_stay_on_the_primary_and_nothing_of_the_standbys_is_registered()
    {
        using var services = Compose(new Dictionary<string, string?>()).BuildServiceProvider();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IReadDbContext>().ShouldBeOfType<PrimaryQueryRoute>();
        scope.ServiceProvider.GetRequiredService<IQueryRoute>().ShouldBeOfType<PrimaryQueryRoute>();
        scope.ServiceProvider.GetService<IReadYourWrites>().ShouldBeNull();
        services.GetService<ReplicaSet>().ShouldBeNull();
    }

    [Fact]
    public void With_replicas_the_reads_go_through_the_route_and_callers_read_their_writes()
    {
        using var services = Compose(new Dictionary<string, string?>
        {
            ["ConnectionStrings:DatabaseReplicas"] = "Host=standby1,standby2",
        }).BuildServiceProvider();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IReadDbContext>().ShouldBeOfType<ReadRoute>();
        scope.ServiceProvider.GetRequiredService<IReadYourWrites>().ShouldBeOfType<ReadYourWrites>();
        services.GetRequiredService<ReplicaSet>().Standbys.Select(standby => standby.Name)
            .ShouldBe(["standby1:5432", "standby2:5432"]);
    }

    [Theory]
    [InlineData("1", "600")]
    [InlineData("10", "0")]
    public void A_maximum_lag_shorter_than_two_checks_is_refused_at_start_up(string maxLagSeconds, string interval)
    {
        Should.Throw<InvalidOperationException>(() => Compose(new Dictionary<string, string?>
            {
                ["ConnectionStrings:DatabaseReplicas"] = "Host=standby",
                ["Database:ReplicaMaxLagSeconds"] = maxLagSeconds,
                ["Database:ReplicaCheckIntervalMilliseconds"] = interval,
            }))
            .Message.ShouldContain("Database:ReplicaMaxLagSeconds");
    }
}
