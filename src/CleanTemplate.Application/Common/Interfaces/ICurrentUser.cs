namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>The caller of the current request or task; <see cref="Id"/> is null for anonymous callers.</summary>
public interface ICurrentUser
{
    int? Id { get; }

    /// <summary>When the caller's credentials (their token) were issued; null when unknown or anonymous.</summary>
    DateTimeOffset? SignedInAt => null;
}
