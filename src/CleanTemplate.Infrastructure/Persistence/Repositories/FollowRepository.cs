using CleanTemplate.Application.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class FollowRepository(ApplicationDbContext db) : IFollowRepository
{
    // ON CONFLICT on the composite primary key: following twice, or concurrently, leaves one row.
    public Task AddAsync(int followerId, int followeeId, CancellationToken cancellationToken) =>
        db.ExecuteNamingSignedInUserAsync(
            $"INSERT INTO follows (follower_id, followee_id) VALUES ({followerId}, {followeeId}) ON CONFLICT DO NOTHING",
            cancellationToken);

    public Task RemoveAsync(int followerId, int followeeId, CancellationToken cancellationToken) =>
        db.Follows
            .Where(follow => follow.FollowerId == followerId && follow.FolloweeId == followeeId)
            .ExecuteDeleteAsync(cancellationToken);
}
