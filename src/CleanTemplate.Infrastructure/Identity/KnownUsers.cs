using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CleanTemplate.Infrastructure.Identity;

/// <summary>
/// Users recently seen to exist, for <see cref="JwtOptions.KnownUserCacheDuration"/>: a signed-in request whose user
/// is known asks the database nothing to authenticate. Only positive answers are kept, so a deleted user is noticed
/// at the latest when the window ends.
/// </summary>
internal sealed class KnownUsers(IOptions<JwtOptions> options, TimeProvider clock)
{
    /// <summary>Bounds memory however many users sign in; a full cache drops its expired entries first.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<int, DateTimeOffset> _knownUntil = new();

    // The dictionary's size, kept here: ConcurrentDictionary.Count takes every one of its locks, on each sign-in.
    private int _count;

    public bool Contains(int userId) =>
        _knownUntil.TryGetValue(userId, out var until) && clock.GetUtcNow() < until;

    public void Remember(int userId)
    {
        var window = options.Value.KnownUserCacheDuration;
        if (window <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow();
        if (!_knownUntil.TryAdd(userId, now + window))
            _knownUntil[userId] = now + window;
        else if (Interlocked.Increment(ref _count) > Capacity)
            Evict(now);
    }

    /// <summary>Forgets every user: for a database replaced under the running app (the tests reset theirs).</summary>
    public void Clear()
    {
        _knownUntil.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var (userId, until) in _knownUntil)
        {
            if (until <= now && _knownUntil.TryRemove(userId, out _))
                Interlocked.Decrement(ref _count);
        }

        if (Volatile.Read(ref _count) > Capacity)
            Clear();
    }
}
