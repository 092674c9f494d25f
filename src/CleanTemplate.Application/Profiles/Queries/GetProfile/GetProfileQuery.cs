using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Profiles.Queries.GetProfile;

public sealed record GetProfileQuery(string Username) : IQuery<ProfileDto>;

internal sealed class GetProfileHandler(IReadDbContext db, ICurrentUser currentUser) : IRequestHandler<GetProfileQuery, Result<ProfileDto>>
{
    public async Task<Result<ProfileDto>> Handle(GetProfileQuery request, CancellationToken cancellationToken) =>
        await ReadAsync(db, request.Username, currentUser.Id, cancellationToken) is { } profile
            ? profile
            : ProfileErrors.NotFound(request.Username);

    public static Task<ProfileDto?> ReadAsync(IReadDbContext db, string username, int? viewerId, CancellationToken cancellationToken) =>
        db.Users.Where(user => user.Username == username)
            .Select(ProfileDto.Projection(db, viewerId))
            .SingleOrDefaultAsync(cancellationToken);
}
