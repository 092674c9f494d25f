using CleanTemplate.Application.Articles.Commands.CreateArticle;
using CleanTemplate.Application.Articles.Commands.DeleteArticle;
using CleanTemplate.Application.Articles.Commands.FavoriteArticle;
using CleanTemplate.Application.Articles.Commands.UpdateArticle;
using CleanTemplate.Application.Articles.Queries.ListArticles;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Common;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Articles;

public sealed class ArticleHandlerTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Articles_sharing_tags_reuse_the_tag_rows()
    {
        await SignInAsync();

        await Scope.SendAsync(new CreateArticleCommand("First", "d", "b", ["dragons", "training"]));
        await Scope.SendAsync(new CreateArticleCommand("Second", "d", "b", ["dragons", " dragons ", ""]));

        (await Scope.Db.Tags.Select(tag => tag.Name).OrderBy(name => name).ToListAsync())
            .ShouldBe(["dragons", "training"]);
        (await Scope.Db.ArticleTags.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task A_title_whose_slug_is_taken_gets_the_slug_with_a_suffix()
    {
        await SignInAsync();

        var first = await Scope.SendAsync(new CreateArticleCommand("Same title", "d", "b", null));
        var second = await Scope.SendAsync(new CreateArticleCommand("Same title!", "d", "b", null));

        first.Value.Slug.ShouldBe("same-title");
        second.Value.Slug.ShouldMatch("^same-title-[0-9a-f]{8}$");
    }

    [Fact]
    public async Task Only_the_author_may_update()
    {
        await SignInAsync();
        var created = await Scope.SendAsync(new CreateArticleCommand("Mine", "d", "b", null));
        await SignInAsync();

        var result = await Scope.SendAsync(new UpdateArticleCommand(created.Value.Slug, "Yours now", null, null));

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await Scope.Db.Articles.AsNoTracking().SingleAsync()).Title.ShouldBe("Mine");
    }

    [Fact]
    public async Task Deleting_marks_the_article_deleted_and_the_query_filter_hides_it()
    {
        await SignInAsync();
        var created = await Scope.SendAsync(new CreateArticleCommand("Doomed", "d", "b", null));

        var result = await Scope.SendAsync(new DeleteArticleCommand(created.Value.Slug));

        result.IsSuccess.ShouldBeTrue();
        (await Scope.Db.Articles.CountAsync()).ShouldBe(0);
        (await Scope.Db.Articles.IgnoreQueryFilters().SingleAsync()).Status.ShouldBe(EntityStatus.Deleted);
    }

    [Fact]
    public async Task Favoriting_twice_keeps_one_favorite()
    {
        await SignInAsync();
        var created = await Scope.SendAsync(new CreateArticleCommand("Liked", "d", "b", null));

        await Scope.SendAsync(new FavoriteArticleCommand(created.Value.Slug));
        var again = await Scope.SendAsync(new FavoriteArticleCommand(created.Value.Slug));

        again.Value.FavoritesCount.ShouldBe(1);
        again.Value.Favorited.ShouldBeTrue();
        (await Scope.Db.Favorites.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Listing_costs_one_query_that_carries_the_count()
    {
        await SignInAsync();
        for (var i = 0; i < 5; i++)
            await Scope.SendAsync(new CreateArticleCommand($"Article {i}", "d", "b", ["t1", "t2"]));
        Fixture.QueryCounter.Reset();

        var page = await Scope.SendAsync(new ListArticlesQuery(null, null, null, 3, null, null));

        page.Value.Articles.Count.ShouldBe(3);
        page.Value.ArticlesCount.ShouldBe(5);
        page.Value.NextCursor.ShouldNotBeNull();
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
    }

    [Fact]
    public async Task A_list_filter_left_unset_is_left_out_of_the_SQL_and_one_that_is_set_filters()
    {
        await SignInAsync();
        await Scope.SendAsync(new CreateArticleCommand("Dragons", "d", "b", ["dragons"]));
        await Scope.SendAsync(new CreateArticleCommand("Cats", "d", "b", ["cats"]));
        Fixture.QueryCounter.Reset();

        var all = await Scope.SendAsync(new ListArticlesQuery(null, null, null, null, null, null));
        var unfiltered = Fixture.QueryCounter.Commands.Single();
        Fixture.QueryCounter.Reset();
        var tagged = await Scope.SendAsync(new ListArticlesQuery("dragons", null, null, null, null, null));
        var filtered = Fixture.QueryCounter.Commands.Single();

        all.Value.ArticlesCount.ShouldBe(2);
        tagged.Value.Articles.Select(article => article.Title).ShouldBe(["Dragons"]);
        tagged.Value.ArticlesCount.ShouldBe(1);
        // The compiled page holds every filter as "@filter IS NULL OR ..."; EF writes the command for the parameters'
        // nullness, so PostgreSQL plans the unfiltered page without them.
        unfiltered.ShouldNotContain("IS NULL", Case.Insensitive, unfiltered);
        unfiltered.ShouldNotContain("@tag", Case.Sensitive, unfiltered);
        CountSubqueryOf(unfiltered).ShouldNotContain("JOIN", Case.Insensitive, unfiltered);
        filtered.ShouldContain("@tag", Case.Sensitive, filtered);
        filtered.ShouldNotContain("@author", Case.Sensitive, filtered);
    }

    // The page's first column: "SELECT (SELECT count(*)::int FROM articles ... WHERE ...), s.slug, ...".
    private static string CountSubqueryOf(string sql) => sql[..sql.IndexOf("), ", StringComparison.Ordinal)];

    private async Task SignInAsync()
    {
        var user = TestUsers.New();
        await Scope.ArrangeAsync(user);
        Scope.CurrentUser.Id = user.Id;
    }
}
