using CleanTemplate.Infrastructure.Persistence.Replicas;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence.Replicas;

public sealed class StandbyStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(10);
    private static readonly NpgsqlLogSequenceNumber Replayed = NpgsqlLogSequenceNumber.Parse("0/3000100");

    [Fact]
    public void A_standby_within_the_lag_serves_callers_whose_last_write_it_has_replayed()
    {
        var state = new StandbyState(Replayed, Now.AddSeconds(-9), null);

        state.CanServe(Now, MaxLag, null).ShouldBeTrue();
        state.CanServe(Now, MaxLag, NpgsqlLogSequenceNumber.Parse("0/3000100")).ShouldBeTrue();
        state.CanServe(Now, MaxLag, NpgsqlLogSequenceNumber.Parse("0/3000101")).ShouldBeFalse();
    }

    [Fact]
    public void A_standby_further_behind_than_the_lag_or_not_fresh_at_all_serves_nobody()
    {
        new StandbyState(Replayed, Now.AddSeconds(-11), null).CanServe(Now, MaxLag, null).ShouldBeFalse();
        StandbyState.Failed("connection refused").CanServe(Now, MaxLag, null).ShouldBeFalse();
        StandbyState.Unchecked.CanServe(Now, MaxLag, null).ShouldBeFalse();
    }
}
