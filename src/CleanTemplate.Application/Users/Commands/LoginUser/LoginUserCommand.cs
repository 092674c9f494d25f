using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Application.Common.Results;
using MediatR;

namespace CleanTemplate.Application.Users.Commands.LoginUser;

public sealed record LoginUserCommand(string? Email, string? Password) : ICommand<AuthenticatedUser>;

internal sealed class LoginUserHandler(IUserRepository users, IPasswordHasher passwordHasher, ITokenIssuer tokenIssuer)
    : IRequestHandler<LoginUserCommand, Result<AuthenticatedUser>>
{
    public async Task<Result<AuthenticatedUser>> Handle(LoginUserCommand request, CancellationToken cancellationToken)
    {
        var user = await users.GetByEmailAsync(request.Email!, cancellationToken);
        if (user is null || !passwordHasher.Verify(user.PasswordHash, request.Password!))
            return UserErrors.InvalidCredentials;

        return AuthenticatedUser.From(user, tokenIssuer.Issue(user.Id, user.Username));
    }
}
