using CleanTemplate.Infrastructure.Identity;
using CleanTemplate.TestSupport.Identity;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.UnitTests.Identity;

public sealed class KnownUsersTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_remembered_user_is_known_until_the_window_ends()
    {
        var known = KnownUsersFor(TimeSpan.FromMinutes(1));
        known.Remember(7);

        _clock.Advance(TimeSpan.FromSeconds(59));
        known.Contains(7).ShouldBeTrue();
        known.Contains(8).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        known.Contains(7).ShouldBeFalse();
    }

    [Fact]
    public void A_zero_window_remembers_nobody()
    {
        var known = KnownUsersFor(TimeSpan.Zero);

        known.Remember(7);

        known.Contains(7).ShouldBeFalse();
    }

    [Fact]
    public void A_full_cache_drops_its_expired_users_and_keeps_the_rest()
    {
        var known = KnownUsersFor(TimeSpan.FromMinutes(1));
        for (var userId = 0; userId < KnownUsers.Capacity / 2; userId++)
            known.Remember(userId);
        _clock.Advance(TimeSpan.FromSeconds(30));
        for (var userId = KnownUsers.Capacity / 2; userId < KnownUsers.Capacity; userId++)
            known.Remember(userId);
        _clock.Advance(TimeSpan.FromSeconds(30));

        known.Remember(-1);

        known.Contains(-1).ShouldBeTrue();
        known.Contains(KnownUsers.Capacity - 1).ShouldBeTrue();
        // Back to before the first half expired: only eviction explains that they are gone.
        _clock.Advance(TimeSpan.FromSeconds(-31));
        known.Contains(0).ShouldBeFalse();
    }

    private KnownUsers KnownUsersFor(TimeSpan window) =>
        new(Options.Create(new JwtOptions { KnownUserCacheDuration = window }), _clock);
}
