namespace CleanTemplate.Domain.Profiles;

/// <summary>
/// The self-referential many-to-many of users: <see cref="FollowerId"/> follows <see cref="FolloweeId"/>.
/// </summary>
public sealed class Follow
{
    public Follow(int followerId, int followeeId)
    {
        if (followerId == followeeId)
            throw new ArgumentException("A user cannot follow themselves.", nameof(followeeId));
        FollowerId = followerId;
        FolloweeId = followeeId;
    }

    public int FollowerId { get; private set; }

    public int FolloweeId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
