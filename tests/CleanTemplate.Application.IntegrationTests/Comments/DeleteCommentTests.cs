using CleanTemplate.Application.Comments.Commands.DeleteComment;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Common;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Comments;

public sealed class DeleteCommentTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task The_comment_author_deletes_it_by_marking_it_deleted()
    {
        var (article, comment, commenter) = await ArrangeCommentedArticleAsync();
        Scope.CurrentUser.Id = commenter.Id;
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Scope.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id));

        result.IsSuccess.ShouldBeTrue();
        var stored = await StoredAsync(comment);
        stored.Status.ShouldBe(EntityStatus.Deleted);
        stored.Body.ShouldBe(comment.Body);
        stored.UpdatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Another_user_is_forbidden_and_the_comment_stays_active()
    {
        var (article, comment, _) = await ArrangeCommentedArticleAsync();
        Scope.CurrentUser.Id = article.AuthorId;

        var result = await Scope.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id));

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await StoredAsync(comment)).Status.ShouldBe(EntityStatus.Active);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_and_the_comment_stays_active()
    {
        var (article, comment, _) = await ArrangeCommentedArticleAsync();

        var result = await Scope.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id));

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
        (await StoredAsync(comment)).Status.ShouldBe(EntityStatus.Active);
    }

    [Fact]
    public async Task An_unknown_comment_is_not_found()
    {
        var (article, comment, commenter) = await ArrangeCommentedArticleAsync();
        Scope.CurrentUser.Id = commenter.Id;

        var result = await Scope.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id + 1000));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await StoredAsync(comment)).Status.ShouldBe(EntityStatus.Active);
    }

    [Fact]
    public async Task A_comment_named_through_another_article_is_not_found()
    {
        var (_, comment, commenter) = await ArrangeCommentedArticleAsync();
        var other = await Scope.ArrangeArticleAsync(commenter);
        Scope.CurrentUser.Id = commenter.Id;

        var result = await Scope.SendAsync(new DeleteCommentCommand(other.Slug, comment.Id));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await StoredAsync(comment)).Status.ShouldBe(EntityStatus.Active);
    }

    [Fact]
    public async Task A_comment_on_an_unknown_article_is_not_found()
    {
        var (_, comment, commenter) = await ArrangeCommentedArticleAsync();
        Scope.CurrentUser.Id = commenter.Id;

        var result = await Scope.SendAsync(new DeleteCommentCommand("no-such-article", comment.Id));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await StoredAsync(comment)).Status.ShouldBe(EntityStatus.Active);
    }

    /// <summary>An article by one user with a comment by another.</summary>
    private async Task<(Article Article, Comment Comment, Domain.Users.User Commenter)> ArrangeCommentedArticleAsync()
    {
        var author = TestUsers.New();
        var commenter = TestUsers.New();
        await Scope.ArrangeAsync(author, commenter);
        var article = await Scope.ArrangeArticleAsync(author);
        var comment = await Scope.ArrangeCommentAsync(article, commenter);
        return (article, comment, commenter);
    }

    private Task<Comment> StoredAsync(Comment comment) =>
        Scope.Db.Comments.IgnoreQueryFilters().AsNoTracking().SingleAsync(stored => stored.Id == comment.Id);
}
