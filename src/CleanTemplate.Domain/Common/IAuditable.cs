namespace CleanTemplate.Domain.Common;

/// <summary>Implemented explicitly so only the persistence layer's save hook stamps the timestamps.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; }

    DateTimeOffset UpdatedAt { get; }

    EntityStatus Status { get; }

    void StampCreated(DateTimeOffset now);

    void StampUpdated(DateTimeOffset now);
}
