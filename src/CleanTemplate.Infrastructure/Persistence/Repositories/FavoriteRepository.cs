using CleanTemplate.Application.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class FavoriteRepository(ApplicationDbContext db) : IFavoriteRepository
{
    // ON CONFLICT on the composite primary key: a repeated or concurrent favorite is a no-op, never an error.
    public Task AddAsync(int userId, Guid articleId, CancellationToken cancellationToken) =>
        db.ExecuteNamingSignedInUserAsync(
            $"INSERT INTO favorites (user_id, article_id) VALUES ({userId}, {articleId}) ON CONFLICT DO NOTHING",
            cancellationToken);

    public Task RemoveAsync(int userId, Guid articleId, CancellationToken cancellationToken) =>
        db.Favorites
            .Where(favorite => favorite.UserId == userId && favorite.ArticleId == articleId)
            .ExecuteDeleteAsync(cancellationToken);
}
