using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.Infrastructure.Persistence.Replicas;
using Npgsql;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence.Replicas;

public sealed class ReplicaConnectionStringsTests
{
    private const string Primary = "Host=pgbouncer;Port=6432;Database=app;Username=app;Password='s;e=cret'";

    [Fact]
    public void Each_host_becomes_a_standby_of_its_own_with_the_primary_s_database_and_credentials()
    {
        var standbys = Build("Host=standby1,standby2:5433,[::1]:5434").Select(Parse).ToList();

        standbys.Select(standby => (standby.Host, standby.Port))
            .ShouldBe([("standby1", 5432), ("standby2", 5433), ("::1", 5434)]);
        standbys.ShouldAllBe(standby =>
            standby.Database == "app" && standby.Username == "app" && standby.Password == "s;e=cret");
    }

    [Fact]
    public void What_the_replicas_string_says_wins_and_its_port_is_every_host_s_default()
    {
        var standby = Parse(Build("Host=standby;Port=6543;Username=reader;Password=other").Single());

        (standby.Host, standby.Port, standby.Username, standby.Password).ShouldBe(("standby", 6543, "reader", "other"));
    }

    [Fact]
    public void Npgsql_s_own_host_choice_is_left_out_since_each_standby_is_checked_on_its_own()
    {
        var standby = Parse(Build("Host=a,b;Target Session Attributes=prefer-standby;Load Balance Hosts=true")[0]);

        standby.TargetSessionAttributes.ShouldBeNull();
        standby.LoadBalanceHosts.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Host=")]
    [InlineData("Host=standby:port")]
    public void A_string_without_a_usable_host_is_refused_with_its_key_named(string replicas)
    {
        Should.Throw<InvalidOperationException>(() => Build(replicas))
            .Message.ShouldContain("ConnectionStrings:DatabaseReplicas");
    }

    private static IReadOnlyList<string> Build(string replicas) =>
        ReplicaConnectionStrings.Build(replicas, Primary, new DatabaseOptions());

    private static NpgsqlConnectionStringBuilder Parse(string connectionString) => new(connectionString);
}
