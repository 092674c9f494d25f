using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Users.Commands.UpdateCurrentUser;

/// <summary>
/// Every field is optional: null leaves it as it is; an empty bio or image clears it. An empty password leaves it as
/// it is too, because RealWorld's settings screen sends <c>""</c> when "New Password" is left blank.
/// </summary>
public sealed record UpdateCurrentUserCommand(
    string? Email,
    string? Username,
    string? Password,
    string? Bio,
    string? Image)
    : ICommand<AuthenticatedUser>;

internal sealed class UpdateCurrentUserHandler(
    ICurrentUser currentUser,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ITokenIssuer tokenIssuer)
    : IRequestHandler<UpdateCurrentUserCommand, Result<AuthenticatedUser>>
{
    public async Task<Result<AuthenticatedUser>> Handle(
        UpdateCurrentUserCommand request,
        CancellationToken cancellationToken)
    {
        var user = currentUser.Id is { } id ? await users.GetByIdAsync(id, cancellationToken) : null;
        if (user is null)
            return UserErrors.NotSignedIn;

        var taken = await users.TakenFieldsAsync(request.Email, request.Username, user.Id, cancellationToken);
        if (taken.Count > 0)
            return UserErrors.AlreadyTaken(taken);

        if (request.Email is not null)
            user.ChangeEmail(request.Email);
        if (request.Username is not null)
            user.ChangeUsername(request.Username);
        if (!string.IsNullOrEmpty(request.Password))
            user.ChangePasswordHash(passwordHasher.Hash(request.Password));
        user.Profile.Update(request.Bio, request.Image);

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException exception)
            when (UserConstraints.FieldOf(exception.ConstraintName) is { } field)
        {
            return UserErrors.AlreadyTaken([field]);
        }

        return AuthenticatedUser.From(user, tokenIssuer.Issue(user.Id, user.Username));
    }
}
