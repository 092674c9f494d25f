namespace CleanTemplate.Domain.Common;

/// <summary>Something that happened in the domain; dispatched only after the change is saved.</summary>
public interface IDomainEvent;
