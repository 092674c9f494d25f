using CleanTemplate.Domain.Common;
using MediatR;

namespace CleanTemplate.Application.Common.Messaging;

/// <summary>
/// Carries a domain event through MediatR. The wrapper keeps Domain free of any mediator dependency.
/// </summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;
