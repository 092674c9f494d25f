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
        var user = notification.DomainEvent.User;
        logger.LogInformation("User {UserId} registered as {Username}", user.Id, user.Username);
        return Task.CompletedTask;
    }
}
