using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using Mapster;

namespace CleanTemplate.Application.Profiles;

/// <summary>The one read of a profile as the viewer sees it: what <c>GetProfile</c> and the follows answer.</summary>
internal sealed class ProfileReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    public Task<ProfileDto?> ByUsernameAsync(string username, int? viewerId, CancellationToken cancellationToken) =>
        Viewer.ReadSingleAsync<ProfileDto>(
            db, viewerId, db.Users.Where(user => user.Username == username), mapping, cancellationToken);
}
