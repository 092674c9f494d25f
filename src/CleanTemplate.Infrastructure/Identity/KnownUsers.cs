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

    public bool Contains(int userId) =>
        _knownUntil.TryGetValue(userId, out var until) && clock.GetUtcNow() < until;

    public void Remember(int userId)
    {
        var window = options.Value.KnownUserCacheDuration;
        if (window <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow();
        if (_knownUntil.Count >= Capacity)
            Evict(now);
        _knownUntil[userId] = now + window;
    }

    /// <summary>Forgets every user: for a database replaced under the running app (the tests reset theirs).</summary>
    public void Clear() => _knownUntil.Clear();

    private void Evict(DateTimeOffset now)
    {
        foreach (var (userId, until) in _knownUntil)
        {
            if (until <= now)
                _knownUntil.TryRemove(userId, out _);
        }

        if (_knownUntil.Count >= Capacity)
            _knownUntil.Clear();
    }
}
