using System.Linq.Expressions;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using Mapster;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// Each article map becomes ONE SQL statement: favoritesCount is a correlated COUNT, favorited and the author's
/// following are EXISTS subqueries for the viewer, and the tag list is joined in. A single query rather than a split
/// one on purpose: tags are the only collection and few per article, so joining them costs less than a round trip.
/// </summary>
internal sealed class ArticleMappings : IRegister
{
    private static readonly Expression<Func<Article, List<string>>> TagList =
        article => article.Tags.OrderBy(link => link.Tag.Name).Select(link => link.Tag.Name).ToList();

    // No "Viewer.Current.Id != null" guard for anonymous viewers: see ProfileMappings.
    private static readonly Expression<Func<Article, bool>> Favorited =
        article => Viewer.Current.Reads.Favorites
            .Any(favorite => favorite.ArticleId == article.Id && favorite.UserId == Viewer.Current.Id);

    private static readonly Expression<Func<Article, int>> FavoritesCount =
        article => Viewer.Current.Reads.Favorites.Count(favorite => favorite.ArticleId == article.Id);

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Article, ArticleDto>()
            .Map(dto => dto.TagList, TagList)
            .Map(dto => dto.Favorited, Favorited)
            .Map(dto => dto.FavoritesCount, FavoritesCount);
        config.NewConfig<Article, ArticleSummaryDto>()
            .Map(dto => dto.TagList, TagList)
            .Map(dto => dto.Favorited, Favorited)
            .Map(dto => dto.FavoritesCount, FavoritesCount);
    }
}
