namespace CleanTemplate.Domain.Common;

/// <summary>
/// The auditable "mixin": creation and update timestamps, stamped by the persistence layer on save,
/// and a lifecycle status so rows can be retired without being destroyed.
/// </summary>
public abstract class AuditableEntity<TId> : Entity<TId>, IAuditable
    where TId : notnull
{
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public EntityStatus Status { get; protected set; } = EntityStatus.Active;

    void IAuditable.StampCreated(DateTimeOffset now)
    {
        CreatedAt = now;
        UpdatedAt = now;
    }

    void IAuditable.StampUpdated(DateTimeOffset now) => UpdatedAt = now;
}
