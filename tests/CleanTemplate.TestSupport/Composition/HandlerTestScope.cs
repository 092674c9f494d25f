//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Users;
//#endif
using CleanTemplate.Infrastructure.Persistence;
//#if (conduit)
using CleanTemplate.TestSupport.Builders;
//#endif
using CleanTemplate.TestSupport.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.TestSupport.Composition;

/// <summary>
/// One test's unit of work: a DI scope (so the handler and the test share one DbContext) with a transaction
/// around everything, rolled back on dispose. Nothing a test writes is ever committed, so no reset is needed.
/// </summary>
public sealed class HandlerTestScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly IDbContextTransaction _transaction;

    private HandlerTestScope(AsyncServiceScope scope, IDbContextTransaction transaction)
    {
        _scope = scope;
        _transaction = transaction;
    }

    public ApplicationDbContext Db => Get<ApplicationDbContext>();

    public TestCurrentUser CurrentUser => Get<TestCurrentUser>();

    public static async Task<HandlerTestScope> BeginAsync(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var transaction = await db.Database.BeginTransactionAsync();
        return new HandlerTestScope(scope, transaction);
    }

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request) => Get<IMediator>().Send(request);

    /// <summary>
    /// Saves arranged entities and forgets them, so the act reads from the database, not the change tracker.
    /// </summary>
    public async Task ArrangeAsync(params object[] entities)
    {
        Db.AddRange(entities);
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
    }
    //#if (conduit)

    /// <summary>
    /// Saves an article by <paramref name="author"/> with these tags (created when missing), then forgets it.
    /// </summary>
    public async Task<Article> ArrangeArticleAsync(User author, string? title = null, params string[] tags)
    {
        var article = await TestArticles.SaveAsync(Db, author, title, tags);
        Db.ChangeTracker.Clear();
        return article;
    }

    /// <summary>
    /// Saves a comment through its article, stamped with the fixture clock's current time, then forgets it.
    /// </summary>
    public async Task<Comment> ArrangeCommentAsync(Article article, User author, string? body = null)
    {
        var comment = await TestComments.SaveAsync(Db, article, author, body);
        Db.ChangeTracker.Clear();
        return comment;
    }
    //#endif

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
