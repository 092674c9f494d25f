using CleanTemplate.Application.Users;
using CleanTemplate.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(ApplicationDbContext db) : IUserRepository
{
    public Task<User?> GetByIdAsync(int id, CancellationToken cancellationToken) =>
        db.Users.Include(user => user.Profile).SingleOrDefaultAsync(user => user.Id == id, cancellationToken);

    public Task<User?> GetByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = User.NormalizeEmail(email);
        return db.Users
            .Include(user => user.Profile)
            .SingleOrDefaultAsync(user => user.Email == normalized, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> TakenFieldsAsync(
        string? email, string? username, int? exceptUserId, CancellationToken cancellationToken)
    {
        var normalizedEmail = email is null ? null : User.NormalizeEmail(email);
        var holders = await db.Users
            .Where(user => user.Id != exceptUserId)
            .Where(user => (normalizedEmail != null && user.Email == normalizedEmail)
                || (username != null && user.Username == username))
            .Select(user => new { user.Email, user.Username })
            .ToListAsync(cancellationToken);

        var taken = new List<string>(2);
        if (holders.Any(holder => holder.Email == normalizedEmail))
            taken.Add("email");
        if (holders.Any(holder => holder.Username == username))
            taken.Add("username");
        return taken;
    }

    public void Add(User user) => db.Users.Add(user);
}
