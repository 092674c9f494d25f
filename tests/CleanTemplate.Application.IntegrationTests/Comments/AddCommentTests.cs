using CleanTemplate.Application.Comments.Commands.AddComment;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Common;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Comments;

public sealed class AddCommentTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Commenting_returns_the_comment_stamped_by_the_clock_and_stores_it_on_the_article()
    {
        var author = TestUsers.New();
        var me = TestUsers.New();
        await Scope.ArrangeAsync(author, me);
        var article = await Scope.ArrangeArticleAsync(author);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new AddCommentCommand(article.Slug, "His name was my name too."));

        result.Value.Body.ShouldBe("His name was my name too.");
        result.Value.Author.Username.ShouldBe(me.Username);
        result.Value.CreatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
        var stored = await Scope.Db.Comments.AsNoTracking().SingleAsync(comment => comment.Id == result.Value.Id);
        stored.ArticleId.ShouldBe(article.Id);
        stored.AuthorId.ShouldBe(me.Id);
        stored.Status.ShouldBe(EntityStatus.Active);
    }

    [Fact]
    public async Task Commenting_on_an_unknown_article_is_not_found_and_stores_nothing()
    {
        var me = TestUsers.New();
        await Scope.ArrangeAsync(me);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new AddCommentCommand("no-such-article", "Lost."));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Scope.Db.Comments.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Commenting_on_a_deleted_article_is_not_found_and_stores_nothing()
    {
        var me = TestUsers.New();
        await Scope.ArrangeAsync(me);
        var article = await Scope.ArrangeArticleAsync(me);
        await Scope.Db.Articles.Where(candidate => candidate.Id == article.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.Status, EntityStatus.Deleted));
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new AddCommentCommand(article.Slug, "Too late."));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Scope.Db.Comments.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_body_fails_on_the_body_field_and_stores_nothing()
    {
        var me = TestUsers.New();
        await Scope.ArrangeAsync(me);
        var article = await Scope.ArrangeArticleAsync(me);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new AddCommentCommand(article.Slug, " "));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.ShouldBe(["body"]);
        (await Scope.Db.Comments.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_comment()
    {
        var author = TestUsers.New();
        await Scope.ArrangeAsync(author);
        var article = await Scope.ArrangeArticleAsync(author);

        var result = await Scope.SendAsync(new AddCommentCommand(article.Slug, "Anonymous."));

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
        (await Scope.Db.Comments.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }
}
