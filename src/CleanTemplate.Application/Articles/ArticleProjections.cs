using System.Linq.Expressions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Profiles;
using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// Hand-written projections (Mapster does not restore here; see docs/decisions). Each becomes ONE SQL statement:
/// favoritesCount is a correlated COUNT (the ORM "column property"), favorited and following are EXISTS subqueries
/// for the viewer, and the tag list is joined in. A single query rather than a split one on purpose: tags are the only
/// collection and few per article, so joining them costs less than a second round trip.
/// </summary>
internal static class ArticleProjections
{
    public static Expression<Func<Article, ArticleDto>> Full(IReadDbContext db, int? viewerId) =>
        article => new ArticleDto(
            article.Slug,
            article.Title,
            article.Description,
            article.Body,
            article.Tags.OrderBy(link => link.Tag.Name).Select(link => link.Tag.Name).ToList(),
            article.CreatedAt,
            article.UpdatedAt,
            viewerId != null && db.Favorites.Any(favorite => favorite.ArticleId == article.Id && favorite.UserId == viewerId),
            db.Favorites.Count(favorite => favorite.ArticleId == article.Id),
            new ProfileDto(
                article.Author.Username,
                article.Author.Profile.Bio,
                article.Author.Profile.Image,
                viewerId != null && db.Follows.Any(follow => follow.FollowerId == viewerId && follow.FolloweeId == article.AuthorId)))
        {
            Version = article.Version,
        };

    public static Expression<Func<Article, ArticleSummaryDto>> Summary(IReadDbContext db, int? viewerId) =>
        article => new ArticleSummaryDto(
            article.Slug,
            article.Title,
            article.Description,
            article.Tags.OrderBy(link => link.Tag.Name).Select(link => link.Tag.Name).ToList(),
            article.CreatedAt,
            article.UpdatedAt,
            viewerId != null && db.Favorites.Any(favorite => favorite.ArticleId == article.Id && favorite.UserId == viewerId),
            db.Favorites.Count(favorite => favorite.ArticleId == article.Id),
            new ProfileDto(
                article.Author.Username,
                article.Author.Profile.Bio,
                article.Author.Profile.Image,
                viewerId != null && db.Follows.Any(follow => follow.FollowerId == viewerId && follow.FolloweeId == article.AuthorId)))
        {
            Id = article.Id,
        };
}
