namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>The caller of the current request or task; <see cref="Id"/> is null for anonymous callers.</summary>
public interface ICurrentUser
{
    int? Id { get; }
}
