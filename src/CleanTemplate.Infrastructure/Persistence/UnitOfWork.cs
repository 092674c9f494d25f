using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

        var strategy = db.Database.CreateExecutionStrategy();
        if (db.Database.CurrentTransaction is not null || !strategy.RetriesOnFailure)
        {
            await SaveAsync(acceptAllChanges: true, cancellationToken);
        }
        else
        {
            // A save that may be replayed commits with a marker, so a lost COMMIT reply is not written twice; its
            // changes stay unaccepted until then, so a replay after a rollback saves them again.
            await ExecuteVerifiedAsync(strategy, async ct =>
            {
                await SaveAsync(acceptAllChanges: false, ct);
                return true;
            }, startAfresh: false, cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
        }

        foreach (var domainEvent in domainEvents)
            await mediator.Publish(Wrap(domainEvent), cancellationToken);
    }

    public async Task<T> InTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        // A replay starts from an empty change tracker: the work loads again what it changes.
        var strategy = db.Database.CreateExecutionStrategy();
        return await ExecuteVerifiedAsync(strategy, work, startAfresh: true, cancellationToken);
    }

    // With retry-on-failure on, a user transaction must run inside the execution strategy, which replays the whole
    // unit on a transient failure; EF asks the marker first when the failure hit the COMMIT, and returns the result
    // of the attempt that committed.
    private Task<T> ExecuteVerifiedAsync<T>(
        IExecutionStrategy strategy, Func<CancellationToken, Task<T>> work, bool startAfresh,
        CancellationToken cancellationToken) =>
        strategy.ExecuteInTransactionAsync(
            new CommitMarker(db),
            async (marker, ct) =>
            {
                if (strategy.RetriesOnFailure)
                    await marker.RecordAsync(ct);
                if (marker.IsReplay && startAfresh)
                    db.ChangeTracker.Clear();
                return await work(ct);
            },
            (marker, ct) => marker.CommittedAsync(ct),
            cancellationToken);

    private async Task SaveAsync(bool acceptAllChanges, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(acceptAllChanges, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception)
            when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintViolationException(unique.ConstraintName ?? "unknown", exception);
        }
        catch (DbUpdateException exception) when (SignedInUserReferences.Translate(exception) is { } missingUser)
        {
            throw missingUser;
        }
    }

    private static INotification Wrap(IDomainEvent domainEvent)
    {
        var notificationType = typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType());
        return (INotification)Activator.CreateInstance(notificationType, domainEvent)!;
    }
}
