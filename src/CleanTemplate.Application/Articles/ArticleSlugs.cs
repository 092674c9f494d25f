using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Application.Articles;

internal static class ArticleSlugs
{
    /// <summary>
    /// Saves, giving the article a disambiguated slug when its title's slug belongs to another live article:
    /// checked first, and again when a concurrent write takes the slug between the check and the save.
    /// </summary>
    public static async Task SaveWithUniqueSlugAsync(
        Article article,
        IArticleRepository articles,
        IUnitOfWork unitOfWork,
        CancellationToken cancellationToken)
    {
        if (await articles.IsSlugTakenAsync(article.Slug, article.Id, cancellationToken))
            article.DisambiguateSlug();

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException exception)
            when (exception.ConstraintName == ArticleConstraints.SlugUniqueIndex)
        {
            article.DisambiguateSlug();
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
    }
}
