namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// Registered only when reads may run on standbys that lag behind the primary: what makes a caller read their own
/// writes. Positions are opaque strings the host hands to its clients and takes back (docs/read-replicas.md).
/// </summary>
public interface IReadYourWrites
{
    /// <summary>
    /// The position of the caller's last write, as the client sent it back: no standby that has not replayed it serves
    /// this request's reads. False when it is not a position this service hands out.
    /// </summary>
    bool TryFollow(string position);

    /// <summary>The position of what this request committed, for the client; null when it committed nothing.</summary>
    Task<string?> CommittedPositionAsync(CancellationToken cancellationToken);
}
