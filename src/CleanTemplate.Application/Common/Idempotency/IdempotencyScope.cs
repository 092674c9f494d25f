using CleanTemplate.Application.Common.Interfaces;

namespace CleanTemplate.Application.Common.Idempotency;

/// <summary>Keys are per caller: two users choosing the same key never see each other's requests.</summary>
public static class IdempotencyScope
{
    public const string Anonymous = "anonymous";

    public static string Of(ICurrentUser caller) => caller.Id is { } id ? $"user:{id}" : Anonymous;
}
