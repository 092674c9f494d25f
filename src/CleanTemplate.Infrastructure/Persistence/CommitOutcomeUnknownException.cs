namespace CleanTemplate.Infrastructure.Persistence;

/// <summary>A commit whose outcome even the server cannot tell yet: answered as a database unavailable now.</summary>
internal sealed class CommitOutcomeUnknownException(long transactionId, string? status)
    : Exception($"The outcome of transaction {transactionId}'s commit is unknown ({status ?? "no status"}).");
