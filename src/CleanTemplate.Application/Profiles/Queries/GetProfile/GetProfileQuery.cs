using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Profiles.Queries.GetProfile;

public sealed record GetProfileQuery(string Username) : IQuery<ProfileDto>;

internal sealed class GetProfileHandler(ProfileReads reads, ICurrentUser currentUser)
    : IRequestHandler<GetProfileQuery, Result<ProfileDto>>
{
    public async Task<Result<ProfileDto>> Handle(GetProfileQuery request, CancellationToken cancellationToken) =>
        await reads.ByUsernameAsync(request.Username, currentUser.Id, cancellationToken) is { } profile
            ? profile
            : ProfileErrors.NotFound(request.Username);
}
