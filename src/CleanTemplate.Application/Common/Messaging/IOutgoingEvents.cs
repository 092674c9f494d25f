using CleanTemplate.Domain.Common;

namespace CleanTemplate.Application.Common.Messaging;

/// <summary>
/// One feature's translation of its domain events into <see cref="OutgoingEvent"/>s, asked after the change is
/// saved and before it commits, on the same connection and transaction. What the database generated (identity keys)
/// is on the entities only when the save ran inside <see cref="Interfaces.IUnitOfWork.InTransactionAsync{T}"/>: a
/// save that may be replayed sets it at commit. Read it back from the database instead, by a natural key.
/// </summary>
public interface IOutgoingEvents
{
    /// <summary>
    /// The event other services get, or null when <paramref name="domainEvent"/> stays in the service.
    /// </summary>
    Task<OutgoingEvent?> DescribeAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
