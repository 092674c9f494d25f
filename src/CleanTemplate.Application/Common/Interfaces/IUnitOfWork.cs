namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// Commits everything a use case changed in one transaction, then dispatches the domain events raised.
/// Throws <see cref="Exceptions.UniqueConstraintViolationException"/> when a unique key is already taken.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
