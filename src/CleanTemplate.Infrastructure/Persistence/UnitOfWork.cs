using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Messaging;
using CleanTemplate.Domain.Common;
using CleanTemplate.Infrastructure.Persistence.Outbox;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>
/// Saves and commits the unit, writes its outgoing events to the outbox in the same transaction
/// (<see cref="OutboxWriter"/>), and publishes its domain events in-process only once they are committed.
/// </summary>
internal sealed class UnitOfWork(ApplicationDbContext db, IMediator mediator, OutboxWriter outbox) : IUnitOfWork
{
    // Inside this unit's own transaction (InTransactionAsync): the events of its saves, published after the commit.
    private List<IDomainEvent>? _afterCommit;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // Taken off the entities only once the save succeeded: a save that fails and is tried again keeps them.
        var sources = db.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(entry => entry.Entity)
            .Where(entity => entity.DomainEvents.Count > 0)
            .ToList();
        var domainEvents = sources.SelectMany(source => source.DomainEvents).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        if (db.Database.CurrentTransaction is not null)
        {
            await SaveAsync(acceptAllChanges: true, cancellationToken);
            await outbox.WriteAsync(domainEvents, cancellationToken);
        }
        else if (domainEvents.Count == 0 && !strategy.RetriesOnFailure)
        {
            await SaveAsync(acceptAllChanges: true, cancellationToken);
        }
        else
        {
            // One transaction for the change and its outbox rows. A save that may be replayed commits with a marker,
            // so a lost COMMIT reply is not written twice; its changes stay unaccepted until then, so a replay after
            // a rollback saves them (and describes their events) again.
            await ExecuteVerifiedAsync(strategy, async ct =>
            {
                await SaveAsync(acceptAllChanges: false, ct);
                await outbox.WriteAsync(domainEvents, ct);
                return true;
            }, startAfresh: false, cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
        }

        foreach (var source in sources)
            source.ClearDomainEvents();
        // In a transaction this unit began, the handlers wait for its commit. In one begun elsewhere (a test's
        // rolled-back transaction), this unit cannot see the commit, so they run after the save, as outside one.
        if (_afterCommit is not null)
            _afterCommit.AddRange(domainEvents);
        else
            await PublishAsync(domainEvents, cancellationToken);
    }

    public async Task<T> InTransactionAsync<T>(
        Func<CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        // A replay starts from an empty change tracker: the work loads again what it changes, and raises its events
        // again, so those of the attempt that rolled back are dropped.
        var afterCommit = new List<IDomainEvent>();
        _afterCommit = afterCommit;
        T result;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            result = await ExecuteVerifiedAsync(strategy, ct =>
            {
                afterCommit.Clear();
                return work(ct);
            }, startAfresh: true, cancellationToken);
        }
        finally
        {
            _afterCommit = null;
        }

        await PublishAsync(afterCommit, cancellationToken);
        return result;
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

    private async Task PublishAsync(List<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in domainEvents)
            await mediator.Publish(Wrap(domainEvent), cancellationToken);
    }

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
