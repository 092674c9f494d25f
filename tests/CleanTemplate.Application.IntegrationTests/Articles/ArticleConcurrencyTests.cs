using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Commands.CreateArticle;
using CleanTemplate.Application.Articles.Commands.UpdateArticle;
using CleanTemplate.Application.Common.Exceptions;
using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Infrastructure.Persistence;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using CleanTemplate.TestSupport.Identity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanTemplate.Application.IntegrationTests.Articles;

/// <summary>
/// Concurrency needs two sessions that really commit, so these tests use the class's database without a rollback scope.
/// </summary>
public sealed class ArticleConcurrencyTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_save_based_on_a_stale_row_version_is_a_concurrency_conflict()
    {
        var (author, slug) = await ArticleByNewAuthorAsync();
        await using var stale = Session(author);
        var staleArticle = (await stale.Get<IArticleRepository>().GetBySlugAsync(slug, CancellationToken.None))!;

        var change = new UpdateArticleCommand(slug, null, null, "changed first");
        await using (var other = Session(author))
            (await other.Get<IMediator>().Send(change)).IsSuccess.ShouldBeTrue();

        staleArticle.Delete();
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            stale.Get<IUnitOfWork>().SaveChangesAsync(CancellationToken.None));
        (await fixture.Database.ScalarAsync<string>("SELECT status FROM articles WHERE slug = @slug", ("slug", slug)))
            .ShouldBe("Active");
    }

    [Fact]
    public async Task An_update_expecting_an_old_version_is_refused_and_changes_nothing()
    {
        var (author, slug) = await ArticleByNewAuthorAsync();
        await using var session = Session(author);
        var mediator = session.Get<IMediator>();
        var read = await mediator.Send(new UpdateArticleCommand(slug, null, null, "first edit"));

        await mediator.Send(new UpdateArticleCommand(slug, null, null, "second edit", read.Value.Version));
        var stale = await mediator.Send(new UpdateArticleCommand(slug, null, null, "lost update", read.Value.Version));

        stale.Error!.Kind.ShouldBe(Common.Results.ErrorKind.Conflict);
        (await fixture.Database.ScalarAsync<string>("SELECT body FROM articles WHERE slug = @slug", ("slug", slug)))
            .ShouldBe("second edit");
    }

    [Fact]
    public async Task A_second_writer_waits_for_the_row_lock_of_the_first()
    {
        var (author, slug) = await ArticleByNewAuthorAsync();
        await using var first = Session(author);
        var firstDb = first.Get<ApplicationDbContext>();
        await using var transaction = await firstDb.Database.BeginTransactionAsync();
        await first.Get<IArticleRepository>().GetBySlugForUpdateAsync(slug, CancellationToken.None);

        await using var second = Session(author);
        var waiting = second.Get<IMediator>().Send(new UpdateArticleCommand(slug, "Renamed while locked", null, null));
        await fixture.Database.WaitUntilASessionWaitsForALockAsync();
        waiting.IsCompleted.ShouldBeFalse();

        await transaction.CommitAsync();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        result.Value.Slug.ShouldBe("renamed-while-locked");
    }

    private async Task<(int AuthorId, string Slug)> ArticleByNewAuthorAsync()
    {
        var author = TestUsers.New();
        await using (var arrange = Session(null))
        {
            var db = arrange.Get<ApplicationDbContext>();
            db.Users.Add(author);
            await db.SaveChangesAsync();
        }

        await using var session = Session(author.Id);
        var created = await session.Get<IMediator>()
            .Send(new CreateArticleCommand(TestUsers.UniqueName("title "), "d", "b", null));
        return (author.Id, created.Value.Slug);
    }

    private SessionScope Session(int? userId)
    {
        var scope = fixture.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().Id = userId;
        return new SessionScope(scope);
    }

    private sealed class SessionScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public T Get<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
