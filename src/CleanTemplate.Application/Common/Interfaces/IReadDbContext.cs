using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Common.Interfaces;

/// <summary>
/// The read side: no-tracking queryables that queries project straight into DTOs, without a repository.
/// </summary>
public interface IReadDbContext
{
    IQueryable<User> Users { get; }
}
