namespace CleanTemplate.Application.Articles;

/// <summary>
/// Favorites are written as single idempotent statements rather than through the article aggregate: favoriting
/// is a fact about a user and an article that must hold exactly once under any concurrency, which one
/// INSERT ... ON CONFLICT DO NOTHING guarantees and a load-modify-save cannot.
/// </summary>
public interface IFavoriteRepository
{
    Task AddAsync(int userId, Guid articleId, CancellationToken cancellationToken);

    Task RemoveAsync(int userId, Guid articleId, CancellationToken cancellationToken);
}
