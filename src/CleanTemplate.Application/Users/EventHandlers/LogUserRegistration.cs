using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Users.Events;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanTemplate.Application.Users.EventHandlers;

/// <summary>The example domain-event handler: runs only after the registration was committed.</summary>
internal sealed class LogUserRegistration(ILogger<LogUserRegistration> logger)
    : INotificationHandler<DomainEventNotification<UserRegistered>>
{
    public Task Handle(DomainEventNotification<UserRegistered> notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("User {UserId} registered as {Username}", notification.DomainEvent.User.Id, notification.DomainEvent.User.Username);
        return Task.CompletedTask;
    }
}
