using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Profiles.Queries.GetProfile;

public sealed record GetProfileQuery(string Username) : IQuery<ProfileDto>;

internal sealed class GetProfileHandler(IReadDbContext db, TypeAdapterConfig mapping, ICurrentUser currentUser)
    : IRequestHandler<GetProfileQuery, Result<ProfileDto>>
{
    public async Task<Result<ProfileDto>> Handle(GetProfileQuery request, CancellationToken cancellationToken) =>
        await ReadAsync(db, mapping, request.Username, currentUser.Id, cancellationToken) is { } profile
            ? profile
            : ProfileErrors.NotFound(request.Username);

    public static async Task<ProfileDto?> ReadAsync(
        IReadDbContext db, TypeAdapterConfig mapping, string username, int? viewerId, CancellationToken token)
    {
        using var viewer = Viewer.Begin(db, viewerId);
        return await db.Users.Where(user => user.Username == username)
            .ProjectToType<ProfileDto>(mapping)
            .SingleOrDefaultAsync(token);
    }
}
