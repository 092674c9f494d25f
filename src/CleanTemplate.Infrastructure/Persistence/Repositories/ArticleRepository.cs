using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class ArticleRepository(ApplicationDbContext db) : IArticleRepository
{
    public Task<Article?> GetBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Articles.SingleOrDefaultAsync(article => article.Slug == slug, cancellationToken);

    public Task<Guid?> FindIdBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Articles.Where(article => article.Slug == slug).Select(article => (Guid?)article.Id).SingleOrDefaultAsync(cancellationToken);

    public Task<bool> IsSlugTakenAsync(string slug, Guid exceptArticleId, CancellationToken cancellationToken) =>
        db.Articles.AnyAsync(article => article.Slug == slug && article.Id != exceptArticleId, cancellationToken);

    public Task<Comment?> GetCommentAsync(Guid articleId, int commentId, CancellationToken cancellationToken) =>
        db.Comments.SingleOrDefaultAsync(comment => comment.ArticleId == articleId && comment.Id == commentId, cancellationToken);

    public void Add(Article article) => db.Articles.Add(article);
}
