using CleanTemplate.Application.Articles.Commands.CreateArticle;
using CleanTemplate.Application.Articles.Commands.DeleteArticle;
using CleanTemplate.Application.Articles.Commands.FavoriteArticle;
using CleanTemplate.Application.Articles.Commands.PurgeDeletedArticles;
using CleanTemplate.Application.Comments.Commands.AddComment;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Articles;

public sealed class PurgeDeletedArticlesTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Purging_destroys_articles_deleted_before_the_cutoff_with_their_comments_favorites_and_tag_links_in_one_statement()
    {
        var user = TestUsers.New();
        await Scope.ArrangeAsync(user);
        Scope.CurrentUser.Id = user.Id;
        var old = await Scope.SendAsync(new CreateArticleCommand("Old", "d", "b", ["kept-tag"]));
        await Scope.SendAsync(new AddCommentCommand(old.Value.Slug, "a comment"));
        await Scope.SendAsync(new FavoriteArticleCommand(old.Value.Slug));
        var recent = await Scope.SendAsync(new CreateArticleCommand("Recent", "d", "b", null));
        await Scope.SendAsync(new CreateArticleCommand("Live", "d", "b", null));
        await Scope.SendAsync(new DeleteArticleCommand(old.Value.Slug));
        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        await Scope.SendAsync(new DeleteArticleCommand(recent.Value.Slug));
        Fixture.Clock.Advance(TimeSpan.FromDays(15));
        Fixture.QueryCounter.Reset();

        var result = await Scope.SendAsync(new PurgeDeletedArticlesCommand(OlderThanDays: 30));

        result.Value.ShouldBe(1);
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
        var db = Scope.Db;
        (await db.Articles.IgnoreQueryFilters().Select(article => article.Title).OrderBy(title => title).ToListAsync())
            .ShouldBe(["Live", "Recent"]);
        (await db.Comments.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
        (await db.Favorites.CountAsync()).ShouldBe(0);
        (await db.ArticleTags.CountAsync()).ShouldBe(0);
        (await db.Tags.Select(tag => tag.Name).ToListAsync()).ShouldBe(["kept-tag"]);
    }

    [Fact]
    public async Task A_negative_age_is_a_validation_error()
    {
        var result = await Scope.SendAsync(new PurgeDeletedArticlesCommand(OlderThanDays: -1));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
    }
}
