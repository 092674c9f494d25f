using System.Linq.Expressions;
using CleanTemplate.Application.Common.Mapping;
using CleanTemplate.Domain.Articles;
using Mapster;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// Each article map becomes ONE SQL statement returning one row per article: favoritesCount is a correlated COUNT,
/// favorited and the author's following are EXISTS subqueries for the viewer, and the tag list is the article's own
/// <c>tag_names</c> column (<see cref="Article.TagNames"/>), so no tag is joined in.
/// </summary>
internal sealed class ArticleMappings : IRegister
{
    private static readonly Expression<Func<Article, IReadOnlyList<string>>> TagList = article => article.TagNames;

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
