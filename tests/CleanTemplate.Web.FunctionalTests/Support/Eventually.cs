namespace CleanTemplate.Web.FunctionalTests.Support;

/// <summary>
/// Bounded polling for what an app, a broker or a server does in its own time: observes every 100 ms until the
/// observation is done or <c>within</c> has passed, and returns the last one, so the test's own assertion says what
/// was seen. Nothing asserts how long it took.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> ObserveAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan within)
    {
        var attempts = (int)(within / Interval);
        for (var attempt = 0; ; attempt++)
        {
            var seen = await observe();
            if (done(seen) || attempt == attempts)
                return seen;
            await Task.Delay(Interval);
        }
    }
}
