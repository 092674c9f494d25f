namespace CleanTemplate.Application.Common.Idempotency;

/// <summary>What a request answered, as much of it as a replay repeats: status, body and the headers that matter.</summary>
public sealed record StoredResponse(int StatusCode, byte[] Body, string? ContentType, string? Location);
