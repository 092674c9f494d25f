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
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
