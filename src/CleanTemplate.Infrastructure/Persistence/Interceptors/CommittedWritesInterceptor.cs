using System.Data.Common;
using CleanTemplate.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanTemplate.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Counts each <see cref="ApplicationDbContext"/>'s committed writes (<see cref="ICommittedWrites"/>), on the context:
/// one instance serves every context. What counts, and why: docs/committed-writes.md.
/// </summary>
internal sealed class CommittedWritesInterceptor
    : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wrote(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Wrote(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(
        DbCommand command,
        CommandExecutedEventData eventData,
        int result,
        CancellationToken cancellationToken = default)
    {
        Wrote(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Writes(eventData.Context)?.Commit();

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Writes(eventData.Context)?.Commit();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Writes(eventData.Context)?.RollBack();

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Writes(eventData.Context)?.RollBack();
        return Task.CompletedTask;
    }

    private static void Wrote(DbContext? context) =>
        Writes(context)?.Wrote(inTransaction: context!.Database.CurrentTransaction is not null);

    private static CommittedWrites? Writes(DbContext? context) => (context as ApplicationDbContext)?.CommittedWrites;
}

/// <summary>The counts of one context.</summary>
internal sealed class CommittedWrites : ICommittedWrites
{
    private bool _pending;

    public int Count { get; private set; }

    public void Wrote(bool inTransaction)
    {
        if (inTransaction)
            _pending = true;
        else
            Count++;
    }

    public void Commit()
    {
        if (_pending)
            Count++;
        _pending = false;
    }

    public void RollBack() => _pending = false;
}
