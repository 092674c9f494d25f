using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence.Locks;
using CleanTemplate.Application.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Seeding;

/// <summary>
/// Sample data for a local database: users, follows, articles, tags, comments and favorites. Idempotent: the whole
/// set is written in one transaction, keyed on its first user, and an advisory lock makes concurrent seeders (two
/// app instances starting together) take turns instead of both writing.
/// </summary>
internal sealed class ConduitSeeder(ApplicationDbContext db, IUnitOfWork unitOfWork, ITagRepository tags, IPasswordHasher passwordHasher)
    : IDatabaseSeeder
{
    public const string Password = "password123";
    private const string LockName = "conduit-seed";

    public Task<bool> SeedAsync(CancellationToken cancellationToken) => unitOfWork.InTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task<bool> SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        await AdvisoryLock.AcquireForTransactionAsync(db, LockName, cancellationToken);
        if (await db.Users.AnyAsync(user => user.Username == SeedData.Users[0].Username, cancellationToken))
            return false;

        var hash = passwordHasher.Hash(Password);
        var users = SeedData.Users.Select(seed =>
        {
            var user = User.Register(seed.Username, $"{seed.Username}@example.com", hash);
            user.Profile.Update(seed.Bio, seed.Image);
            return user;
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);

        db.Follows.AddRange(SeedData.Follows.Select(pair => new Follow(users[pair.Follower].Id, users[pair.Followee].Id)));

        var tagged = await tags.EnsureAsync(SeedData.Articles.SelectMany(seed => seed.Tags).Distinct().ToList(), cancellationToken);
        foreach (var seed in SeedData.Articles)
        {
            var article = Article.Write(users[seed.Author].Id, seed.Title, seed.Description, seed.Body, tagged.Where(tag => seed.Tags.Contains(tag.Name)));
            foreach (var (commenter, body) in seed.Comments)
                article.Comment(users[commenter].Id, body);
            db.Articles.Add(article);
            db.Favorites.AddRange(seed.FavoritedBy.Select(index => new Favorite(users[index].Id, article.Id)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
