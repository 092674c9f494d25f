namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// How many writes this scope's unit of work has committed so far: a SaveChanges or a set-based statement outside a
/// transaction, or a transaction that wrote. Compare two readings to learn whether a piece of work left anything
/// behind, e.g. whether a request that failed may safely run again.
/// </summary>
public interface ICommittedWrites
{
    int Count { get; }
}
