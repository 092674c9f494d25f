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
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintViolationException(unique.ConstraintName ?? "unknown", exception);
        }
        catch (DbUpdateException exception) when (SignedInUserReferences.Translate(exception) is { } missingUser)
        {
            throw missingUser;
        }

        foreach (var domainEvent in domainEvents)
            await mediator.Publish(Wrap(domainEvent), cancellationToken);
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        // With retry-on-failure on, a user transaction must run inside the execution strategy, which replays the
        // whole unit (transaction included) on a transient failure.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    private static INotification Wrap(IDomainEvent domainEvent)
    {
        var notificationType = typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType());
        return (INotification)Activator.CreateInstance(notificationType, domainEvent)!;
    }
}
