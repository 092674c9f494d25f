using CleanTemplate.Application.Articles;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class FavoriteRepository(ApplicationDbContext db) : IFavoriteRepository
{
    // ON CONFLICT on the composite primary key: a repeated or concurrent favorite is a no-op, never an error.
    public async Task AddAsync(int userId, Guid articleId, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO favorites (user_id, article_id) VALUES ({userId}, {articleId}) ON CONFLICT DO NOTHING",
                cancellationToken);
        }
        catch (PostgresException exception) when (SignedInUserReferences.Translate(exception) is { } missingUser)
        {
            throw missingUser;
        }
    }

    public Task RemoveAsync(int userId, Guid articleId, CancellationToken cancellationToken) =>
        db.Favorites.Where(favorite => favorite.UserId == userId && favorite.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
}
