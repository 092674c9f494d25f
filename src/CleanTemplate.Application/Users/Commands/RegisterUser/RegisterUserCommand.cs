using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Users;
using MediatR;

namespace CleanTemplate.Application.Users.Commands.RegisterUser;

public sealed record RegisterUserCommand(string? Username, string? Email, string? Password)
    : ICommand<AuthenticatedUser>;

internal sealed class RegisterUserHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    ITokenIssuer tokenIssuer)
    : IRequestHandler<RegisterUserCommand, Result<AuthenticatedUser>>
{
    public async Task<Result<AuthenticatedUser>> Handle(
        RegisterUserCommand request,
        CancellationToken cancellationToken)
    {
        var taken =
            await users.TakenFieldsAsync(request.Email, request.Username, exceptUserId: null, cancellationToken);
        if (taken.Count > 0)
            return UserErrors.AlreadyTaken(taken);

        var user = User.Register(request.Username!, request.Email!, passwordHasher.Hash(request.Password!));
        users.Add(user);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException exception)
            when (UserConstraints.FieldOf(exception.ConstraintName) is { } field)
        {
            // Another registration took the name between our check and our insert: same answer as the check.
            return UserErrors.AlreadyTaken([field]);
        }

        return AuthenticatedUser.From(user, tokenIssuer.Issue(user.Id, user.Username));
    }
}
