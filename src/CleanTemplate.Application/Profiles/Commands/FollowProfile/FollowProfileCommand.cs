using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Profiles.Commands.FollowProfile;

/// <summary>Idempotent; following yourself is a validation error.</summary>
public sealed record FollowProfileCommand(string Username) : ICommand<ProfileDto>;

/// <summary>Idempotent: unfollowing someone not followed succeeds.</summary>
public sealed record UnfollowProfileCommand(string Username) : ICommand<ProfileDto>;

internal sealed class FollowProfileHandler(
    ICurrentUser currentUser,
    IReadDbContext db,
    ProfileReads reads,
    IFollowRepository follows,
    IUnitOfWork unitOfWork)
    : IRequestHandler<FollowProfileCommand, Result<ProfileDto>>,
        IRequestHandler<UnfollowProfileCommand, Result<ProfileDto>>
{
    public Task<Result<ProfileDto>> Handle(FollowProfileCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Username, follows.AddAsync, cancellationToken);

    public Task<Result<ProfileDto>> Handle(UnfollowProfileCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Username, follows.RemoveAsync, cancellationToken);

    private async Task<Result<ProfileDto>> ChangeAsync(
        string username,
        Func<int, int, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } followerId)
            return UserErrors.NotSignedIn;
        var followeeId = await db.Users
            .Where(user => user.Username == username)
            .Select(user => (int?)user.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (followeeId is null)
            return ProfileErrors.NotFound(username);
        if (followeeId == followerId)
            return ProfileErrors.CannotFollowSelf;

        // Read back before the commit: once committed, no further round trip may fail and turn the write into an error.
        return await unitOfWork.InTransactionAsync<Result<ProfileDto>>(async ct =>
        {
            await change(followerId, followeeId.Value, ct);
            return (await reads.ByUsernameAsync(username, followerId, ct))!;
        }, cancellationToken);
    }
}
