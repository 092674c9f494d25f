using CleanTemplate.Application.Comments.Queries.ListComments;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Comments;

public sealed class ListCommentsTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Comments_are_listed_newest_first()
    {
        var author = TestUsers.New();
        await Scope.ArrangeAsync(author);
        var article = await Scope.ArrangeArticleAsync(author);
        await Scope.ArrangeCommentAsync(article, author, "oldest");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Scope.ArrangeCommentAsync(article, author, "middle");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Scope.ArrangeCommentAsync(article, author, "newest");

        var result = await Scope.SendAsync(new ListCommentsQuery(article.Slug));

        result.Value.Select(comment => comment.Body).ShouldBe(["newest", "middle", "oldest"]);
        result.Value.Select(comment => comment.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Comments_with_their_authors_are_read_in_one_query()
    {
        var author = TestUsers.New();
        var followed = TestUsers.New();
        var viewer = TestUsers.New();
        await Scope.ArrangeAsync(author, followed, viewer);
        await Scope.ArrangeAsync(new Follow(viewer.Id, followed.Id));
        var article = await Scope.ArrangeArticleAsync(author);
        await Scope.ArrangeCommentAsync(article, author);
        await Scope.ArrangeCommentAsync(article, followed);
        await Scope.ArrangeCommentAsync(article, followed);
        Scope.CurrentUser.Id = viewer.Id;
        Fixture.QueryCounter.Reset();

        var result = await Scope.SendAsync(new ListCommentsQuery(article.Slug));

        result.Value.Count.ShouldBe(3);
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
    }

    [Fact]
    public async Task Each_comment_author_shows_whether_the_viewer_follows_them()
    {
        var stranger = TestUsers.New();
        var followed = TestUsers.New();
        var viewer = TestUsers.New();
        await Scope.ArrangeAsync(stranger, followed, viewer);
        await Scope.ArrangeAsync(new Follow(viewer.Id, followed.Id));
        var article = await Scope.ArrangeArticleAsync(stranger);
        await Scope.ArrangeCommentAsync(article, stranger);
        await Scope.ArrangeCommentAsync(article, followed);
        Scope.CurrentUser.Id = viewer.Id;

        var result = await Scope.SendAsync(new ListCommentsQuery(article.Slug));

        result.Value.Select(comment => (comment.Author.Username, comment.Author.Following))
            .ShouldBe([(stranger.Username, false), (followed.Username, true)], ignoreOrder: true);
    }

    [Fact]
    public async Task Deleted_comments_are_not_listed()
    {
        var author = TestUsers.New();
        await Scope.ArrangeAsync(author);
        var article = await Scope.ArrangeArticleAsync(author);
        var kept = await Scope.ArrangeCommentAsync(article, author);
        var deleted = await Scope.ArrangeCommentAsync(article, author);
        var tracked = await Scope.Db.Comments.SingleAsync(comment => comment.Id == deleted.Id);
        tracked.Delete();
        await Scope.Db.SaveChangesAsync();

        var result = await Scope.SendAsync(new ListCommentsQuery(article.Slug));

        result.Value.Select(comment => comment.Id).ShouldBe([kept.Id]);
    }

    [Fact]
    public async Task An_unknown_article_is_not_found()
    {
        var result = await Scope.SendAsync(new ListCommentsQuery("no-such-article"));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
