using Microsoft.Extensions.Caching.Memory;
using NpgsqlTypes;

namespace CleanTemplate.Infrastructure.Persistence.Replicas;

/// <summary>
/// This instance's memory of each user's last write position, for clients that do not send it back. Kept for as long
/// as a standby may lag (<see cref="ReplicaSet.MaxLag"/> and a check): after that, any standby that serves has it.
/// </summary>
internal sealed class RecentWrites(ReplicaSet replicas) : IDisposable
{
    private readonly MemoryCache _positions = new(new MemoryCacheOptions());
    private readonly TimeSpan _kept = replicas.MaxLag + (2 * replicas.CheckInterval);

    public NpgsqlLogSequenceNumber? Of(int userId) =>
        _positions.TryGetValue(userId, out NpgsqlLogSequenceNumber position) ? position : null;

    // Two writes of one user may finish at once: the read and the set run as one, so the later position stays.
    public void Remember(int userId, NpgsqlLogSequenceNumber position)
    {
        lock (_positions)
        {
            if (Of(userId) is not { } known || known < position)
                _positions.Set(userId, position, _kept);
        }
    }

    public void Dispose() => _positions.Dispose();
}
