using CleanTemplate.Infrastructure.BackgroundJobs;

namespace CleanTemplate.Infrastructure.UnitTests.BackgroundJobs;

public sealed class TagStatisticsScheduleTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Every_instance_wakes_at_the_same_slot_start_whenever_it_started()
    {
        var slotStart = DateTimeOffset.UnixEpoch.AddMinutes(5 * 5_900_000);

        var early = slotStart.AddSeconds(10);
        var late = slotStart.AddMinutes(4).AddSeconds(59);

        (early + TagStatisticsSchedule.UntilNextSlot(early, FiveMinutes)).ShouldBe(slotStart + FiveMinutes);
        (late + TagStatisticsSchedule.UntilNextSlot(late, FiveMinutes)).ShouldBe(slotStart + FiveMinutes);
    }

    [Fact]
    public void At_a_slot_start_the_next_wake_is_a_whole_interval_away()
    {
        var slotStart = DateTimeOffset.UnixEpoch.AddMinutes(5 * 5_900_000);

        TagStatisticsSchedule.UntilNextSlot(slotStart, FiveMinutes).ShouldBe(FiveMinutes);
    }
}
