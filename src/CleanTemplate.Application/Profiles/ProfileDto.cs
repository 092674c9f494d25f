using System.Linq.Expressions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Profiles;

/// <summary>The RealWorld "Profile": how a user looks to the viewer.</summary>
public sealed record ProfileDto(string Username, string? Bio, string? Image, bool Following)
{
    /// <summary>
    /// The projection every read uses: <see cref="Following"/> is an EXISTS subquery for the viewer (false for
    /// anonymous viewers), so a list of profiles costs no extra query per row.
    /// </summary>
    public static Expression<Func<User, ProfileDto>> Projection(IReadDbContext db, int? viewerId) =>
        user => new ProfileDto(
            user.Username,
            user.Profile.Bio,
            user.Profile.Image,
            viewerId != null && db.Follows.Any(follow => follow.FollowerId == viewerId && follow.FolloweeId == user.Id));
}
