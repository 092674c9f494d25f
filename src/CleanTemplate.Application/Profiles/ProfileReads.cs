using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Users;
using Mapster;

namespace CleanTemplate.Application.Profiles;

/// <summary>
/// The one read of a profile as the viewer sees it: what <c>GetProfile</c> and the follows answer. A compiled query
/// (<see cref="CompiledReads"/>).
/// </summary>
internal sealed class ProfileReads(IReadDbContext db, TypeAdapterConfig mapping)
{
    private static readonly CompiledRead<User, ProfileDto, string> ByUsername =
        new((user, username) => user.Username == username);

    public Task<ProfileDto?> ByUsernameAsync(string username, int? viewerId, CancellationToken cancellationToken) =>
        ByUsername.SingleOrDefaultAsync(db, mapping, username, viewerId, cancellationToken);
}
