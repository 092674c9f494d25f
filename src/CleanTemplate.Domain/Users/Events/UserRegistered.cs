using CleanTemplate.Domain.Common;

namespace CleanTemplate.Domain.Users.Events;

public sealed record UserRegistered(User User) : IDomainEvent;
