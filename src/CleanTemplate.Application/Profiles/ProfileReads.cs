using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Profiles;

/// <summary>The one read of a profile as the viewer sees it: what <c>GetProfile</c> and the follow writes answer.</summary>
internal sealed class ProfileReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    public async Task<ProfileDto?> ByUsernameAsync(string username, int? viewerId, CancellationToken cancellationToken)
    {
        using var viewer = Viewer.Begin(db, viewerId);
        return await db.Users.Where(user => user.Username == username)
            .ProjectToType<ProfileDto>(mapping)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
