using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Users.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery : IQuery<AuthenticatedUser>;

internal sealed class GetCurrentUserHandler(ICurrentUser currentUser, IReadDbContext db, ITokenIssuer tokenIssuer)
    : IRequestHandler<GetCurrentUserQuery, Result<AuthenticatedUser>>
{
    public async Task<Result<AuthenticatedUser>> Handle(
        GetCurrentUserQuery request,
        CancellationToken cancellationToken)
    {
        var user = await db.Users
            .Where(user => user.Id == currentUser.Id)
            .Select(user => new { user.Id, user.Email, user.Username, user.Profile.Bio, user.Profile.Image })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
            return UserErrors.NotSignedIn;

        var token = tokenIssuer.Issue(user.Id, user.Username);
        return new AuthenticatedUser(user.Email, token, user.Username, user.Bio, user.Image);
    }
}
