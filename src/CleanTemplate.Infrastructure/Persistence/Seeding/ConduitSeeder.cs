using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.Domain.Users;
using CleanTemplate.Infrastructure.Persistence.Locks;
using CleanTemplate.Application.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Seeding;

/// <summary>
/// Sample data for a local database: users, follows, articles, tags, comments and favorites. Idempotent item by item:
/// what exists (a user registered by hand, an article by title and author) is kept and only what is missing is
/// written, in one transaction; an advisory lock makes concurrent seeders (two app instances starting together) take
/// turns instead of both writing.
/// </summary>
internal sealed class ConduitSeeder(
    ApplicationDbContext db,
    IUnitOfWork unitOfWork,
    ITagRepository tags,
    IPasswordHasher passwordHasher)
    : IDatabaseSeeder
{
    public const string Password = "password123";
    private const string LockName = "conduit-seed";

    public Task<bool> SeedAsync(CancellationToken cancellationToken) =>
        unitOfWork.InTransactionAsync(SeedInTransactionAsync, cancellationToken);

    private async Task<bool> SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        await AdvisoryLock.AcquireForTransactionAsync(db, LockName, cancellationToken);
        var users = await EnsureUsersAsync(cancellationToken);
        var ids = users.Select(user => user.Id).ToList();

        var following = await db.Follows.Where(follow => ids.Contains(follow.FollowerId))
            .Select(follow => new { follow.FollowerId, follow.FolloweeId }).ToListAsync(cancellationToken);
        var newFollows = SeedData.Follows
            .Select(pair => new { FollowerId = ids[pair.Follower], FolloweeId = ids[pair.Followee] })
            .Except(following)
            .Select(pair => new Follow(pair.FollowerId, pair.FolloweeId))
            .ToList();
        db.Follows.AddRange(newFollows);

        var written = await db.Articles.Where(article => ids.Contains(article.AuthorId))
            .Select(article => new { article.AuthorId, article.Title }).ToListAsync(cancellationToken);
        var missing = SeedData.Articles
            .Where(seed => !written.Contains(new { AuthorId = ids[seed.Author], seed.Title }))
            .ToList();
        var tagged =
            await tags.EnsureAsync(missing.SelectMany(seed => seed.Tags).Distinct().ToList(), cancellationToken);
        foreach (var seed in missing)
        {
            var article = Article.Write(
                ids[seed.Author],
                seed.Title,
                seed.Description,
                seed.Body,
                tagged.Where(tag => seed.Tags.Contains(tag.Name)));
            foreach (var (commenter, body) in seed.Comments)
                article.Comment(ids[commenter], body);
            db.Articles.Add(article);
            db.Favorites.AddRange(seed.FavoritedBy.Select(index => new Favorite(ids[index], article.Id)));
        }

        await db.SaveChangesAsync(cancellationToken);
        return newFollows.Count > 0 || missing.Count > 0 || users.Any(user => user.Created);
    }

    /// <summary>
    /// The seed users in <see cref="SeedData.Users"/> order; ones that exist (maybe registered by hand) are kept as
    /// they are. A missing one whose sample email another user already has stops the seed, naming both, before
    /// anything is written: the seed will not guess which account the sample data belongs to.
    /// </summary>
    private async Task<List<(int Id, bool Created)>> EnsureUsersAsync(CancellationToken cancellationToken)
    {
        var usernames = SeedData.Users.Select(seed => seed.Username).ToList();
        var existing = await db.Users.Where(user => usernames.Contains(user.Username))
            .ToDictionaryAsync(user => user.Username, user => user.Id, cancellationToken);
        var missing = SeedData.Users.Where(seed => !existing.ContainsKey(seed.Username)).ToList();

        var sampleEmails = missing.Select(seed => SampleEmail(seed.Username)).ToList();
        var holder = await db.Users.Where(user => sampleEmails.Contains(user.Email))
            .Select(user => new { user.Username, user.Email }).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            throw new InvalidOperationException(
                $"Cannot seed: the sample email {holder.Email} already belongs to the user '{holder.Username}'. " +
                "Nothing was seeded; change that user's email, or seed another database.");
        }

        var hash = passwordHasher.Hash(Password);
        var created = missing.Select(seed =>
        {
            var user = User.Register(seed.Username, SampleEmail(seed.Username), hash);
            user.Profile.Update(seed.Bio, seed.Image);
            return user;
        }).ToList();
        db.Users.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);

        return SeedData.Users
            .Select(seed => existing.TryGetValue(seed.Username, out var id)
                ? (id, false)
                : (created.Single(user => user.Username == seed.Username).Id, true))
            .ToList();
    }

    private static string SampleEmail(string username) => User.NormalizeEmail($"{username}@example.com");
}
