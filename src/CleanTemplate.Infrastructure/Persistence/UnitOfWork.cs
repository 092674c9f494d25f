using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

internal sealed class UnitOfWork(ApplicationDbContext db, IMediator mediator) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // Collected before the save and published only after it succeeded: a handler never sees an event
        // for a change that was rolled back.
        var domainEvents = db.ChangeTracker.Entries<IHasDomainEvents>()
            .SelectMany(entry =>
            {
                var raised = entry.Entity.DomainEvents.ToList();
                entry.Entity.ClearDomainEvents();
                return raised;
            })
            .ToList();

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintViolationException(unique.ConstraintName ?? "unknown", exception);
        }

        foreach (var domainEvent in domainEvents)
            await mediator.Publish(Wrap(domainEvent), cancellationToken);
    }

    private static INotification Wrap(IDomainEvent domainEvent)
    {
        var notificationType = typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType());
        return (INotification)Activator.CreateInstance(notificationType, domainEvent)!;
    }
}
