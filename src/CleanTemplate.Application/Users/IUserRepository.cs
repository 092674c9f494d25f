using CleanTemplate.Domain.Users;

namespace CleanTemplate.Application.Users;

/// <summary>Loads and adds user aggregates (with their profile) for the write side.</summary>
public interface IUserRepository
{
    Task<User?> GetByIdAsync(int id, CancellationToken cancellationToken);

    Task<User?> GetByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Fields among email and username that another user already holds.</summary>
    Task<IReadOnlyList<string>> TakenFieldsAsync(
        string? email,
        string? username,
        int? exceptUserId,
        CancellationToken cancellationToken);

    void Add(User user);
}
