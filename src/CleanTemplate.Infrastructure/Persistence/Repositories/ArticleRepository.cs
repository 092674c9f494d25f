using CleanTemplate.Application.Articles;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Infrastructure.Persistence.Repositories;

internal sealed class ArticleRepository(ApplicationDbContext db) : IArticleRepository
{
    public Task<Article?> GetBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Articles.SingleOrDefaultAsync(article => article.Slug == slug, cancellationToken);

    public async Task<Article?> GetBySlugForUpdateAsync(string slug, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException(
                "A row lock needs an open transaction; it is released when the transaction ends.");

        // FOR UPDATE locks the row against other FOR UPDATE readers and writers until COMMIT/ROLLBACK. xmin is a
        // system column, not part of *, and is named so EF can read the row version. No composition on top
        // (IgnoreQueryFilters, status in the SQL): PostgreSQL would reject FOR UPDATE inside EF's wrapping subquery.
        var locked = await db.Articles
            .FromSql($"SELECT *, xmin FROM articles WHERE slug = {slug} AND status = 'Active' FOR UPDATE")
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken);
        return locked.SingleOrDefault();
    }

    public Task<Guid?> FindIdBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Articles
            .Where(article => article.Slug == slug)
            .Select(article => (Guid?)article.Id)
            .SingleOrDefaultAsync(cancellationToken);

    public Task<bool> IsSlugTakenAsync(string slug, Guid exceptArticleId, CancellationToken cancellationToken) =>
        db.Articles.AnyAsync(article => article.Slug == slug && article.Id != exceptArticleId, cancellationToken);

    public Task<Comment?> GetCommentAsync(Guid articleId, int commentId, CancellationToken cancellationToken) =>
        db.Comments.SingleOrDefaultAsync(
            comment => comment.ArticleId == articleId && comment.Id == commentId, cancellationToken);

    public void Add(Article article) => db.Articles.Add(article);

    // ExecuteUpdate: one UPDATE ... WHERE run by the database; no article is loaded or tracked (and tracked ones are
    // not refreshed). The query filter adds "status = 'Active'", so already deleted articles keep their timestamps.
    public Task<int> ArchiveAllByAuthorAsync(int authorId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Articles.Where(article => article.AuthorId == authorId).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(article => article.Status, EntityStatus.Deleted)
                .SetProperty(article => article.UpdatedAt, at),
            cancellationToken);

    // ExecuteDelete: one DELETE ... WHERE. IgnoreQueryFilters, because the filter hides exactly the deleted rows
    // this is for. The foreign keys cascade in the database, so comments, favorites and tag links go with it.
    public Task<int> PurgeDeletedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.Articles.IgnoreQueryFilters()
            .Where(article => article.Status == EntityStatus.Deleted && article.UpdatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
}
