namespace CleanTemplate.Domain.Common;

public enum EntityStatus
{
    Active,
    Deleted,
}
