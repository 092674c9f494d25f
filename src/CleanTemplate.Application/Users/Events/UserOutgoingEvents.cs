using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users.Events;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.Users.Events;

/// <summary><c>users.registered</c>: a new account, for a welcome mail or another service's copy of the user.</summary>
public sealed record UserRegisteredPayload(int UserId, string Username, string Email);

/// <summary>
/// User events. The registration reads the saved row back by its unique username: a save that may be replayed sets
/// the generated id on the entity only at commit (see <see cref="IOutgoingEvents"/>).
/// </summary>
internal sealed class UserOutgoingEvents(IReadDbContext db) : IOutgoingEvents
{
    public const string Registered = "users.registered";

    public async Task<OutgoingEvent?> DescribeAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is not UserRegistered { User.Username: var username })
            return null;

        var payload = await db.Users.Where(user => user.Username == username)
            .Select(user => new UserRegisteredPayload(user.Id, user.Username, user.Email))
            .SingleAsync(cancellationToken);
        return new OutgoingEvent(Registered, payload, []);
    }
}
