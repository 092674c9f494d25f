namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// How many writes this scope's unit of work has committed so far. Compare two readings to learn whether a piece of
/// work left anything behind, e.g. whether a failed request may run again (docs/committed-writes.md).
/// </summary>
public interface ICommittedWrites
{
    int Count { get; }
}
