using CleanTemplate.Application.Articles.Commands.ArchiveAuthorArticles;
using CleanTemplate.Application.Articles.Commands.CreateArticle;
using CleanTemplate.Application.Articles.Commands.DeleteArticle;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Domain.Common;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Articles;

public sealed class ArchiveAuthorArticlesTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Archiving_deletes_every_live_article_of_the_caller_in_one_statement()
    {
        var otherAuthor = await SignInAsync();
        await Scope.SendAsync(new CreateArticleCommand("Not mine", "d", "b", null));
        var author = await SignInAsync();
        await Scope.SendAsync(new CreateArticleCommand("First", "d", "b", null));
        await Scope.SendAsync(new CreateArticleCommand("Second", "d", "b", null));
        var early = await Scope.SendAsync(new CreateArticleCommand("Deleted early", "d", "b", null));
        await Scope.SendAsync(new DeleteArticleCommand(early.Value.Slug));
        var deletedEarlyAt = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        Fixture.QueryCounter.Reset();

        var result = await Scope.SendAsync(new ArchiveAuthorArticlesCommand());

        result.Value.ShouldBe(2);
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
        var articles = await Scope.Db.Articles
            .IgnoreQueryFilters()
            .AsNoTracking()
            .ToDictionaryAsync(article => article.Title);
        articles["First"].Status.ShouldBe(EntityStatus.Deleted);
        articles["First"].UpdatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
        articles["Second"].Status.ShouldBe(EntityStatus.Deleted);
        articles["Deleted early"].UpdatedAt.ShouldBe(deletedEarlyAt);
        articles["Not mine"].Status.ShouldBe(EntityStatus.Active);
        articles["Not mine"].AuthorId.ShouldBe(otherAuthor);
        articles.Values
            .Where(article => article.AuthorId == author)
            .ShouldAllBe(article => article.Status == EntityStatus.Deleted);
    }

    [Fact]
    public async Task Archiving_when_signed_out_is_unauthorized()
    {
        var result = await Scope.SendAsync(new ArchiveAuthorArticlesCommand());

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
    }

    private async Task<int> SignInAsync()
    {
        var user = TestUsers.New();
        await Scope.ArrangeAsync(user);
        Scope.CurrentUser.Id = user.Id;
        return user.Id;
    }
}
