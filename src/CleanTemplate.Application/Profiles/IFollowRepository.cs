namespace CleanTemplate.Application.Profiles;

/// <summary>Follows are idempotent single-statement writes, for the same reasons as favorites.</summary>
public interface IFollowRepository
{
    Task AddAsync(int followerId, int followeeId, CancellationToken cancellationToken);

    Task RemoveAsync(int followerId, int followeeId, CancellationToken cancellationToken);
}
