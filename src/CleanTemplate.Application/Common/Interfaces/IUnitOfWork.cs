namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// Commits everything a use case changed in one transaction, then dispatches the domain events raised.
/// Throws <see cref="Exceptions.UniqueConstraintViolationException"/> when a unique key is already taken.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs a use case whose writes span more than one statement (an upsert, then a save) in one transaction, so a
    /// failure half-way leaves the database as it was. Joins the caller's transaction when one is open.
    /// With retries on, a transient failure replays <paramref name="work"/> on an empty change tracker (so it must load
    /// what it changes itself), unless the commit that failed is known to have happened: then its result is returned.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
