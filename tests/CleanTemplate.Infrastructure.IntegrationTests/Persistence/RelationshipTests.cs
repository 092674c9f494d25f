//#if (conduit)
using CleanTemplate.Domain.Articles;
using CleanTemplate.Domain.Profiles;
//#endif
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;
//#if (conduit)
using Npgsql;
//#endif

namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence;

/// <summary>What the mapping and the schema promise about related rows, checked against PostgreSQL itself.</summary>
public sealed class RelationshipTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Deleting_a_user_deletes_their_profile()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake, TestUsers.New("anna"));
        var loaded = await Scope.Db.Users.Include(user => user.Profile).SingleAsync(user => user.Id == jake.Id);

        Scope.Db.Users.Remove(loaded);
        await Scope.Db.SaveChangesAsync();

        (await Scope.Db.UserProfiles.AnyAsync(profile => profile.Id == jake.Id)).ShouldBeFalse();
        (await Scope.Db.UserProfiles.CountAsync()).ShouldBe(1);
    }
    //#if (conduit)

    [Fact]
    public async Task Hard_deleting_an_article_row_deletes_its_comments_tag_links_and_favorites_in_the_database()
    {
        var author = TestUsers.New();
        var reader = TestUsers.New();
        await Scope.ArrangeAsync(author, reader);
        var doomed = await Scope.ArrangeArticleAsync(author, null, "dragons", "training");
        var kept = await Scope.ArrangeArticleAsync(author, null, "dragons");
        await Scope.ArrangeCommentAsync(doomed, reader);
        await Scope.ArrangeCommentAsync(kept, reader);
        await Scope.ArrangeAsync(new Favorite(reader.Id, doomed.Id), new Favorite(reader.Id, kept.Id));

        var deleted = await Scope.Db.Articles.IgnoreQueryFilters()
            .Where(article => article.Id == doomed.Id)
            .ExecuteDeleteAsync();

        deleted.ShouldBe(1);
        (await Scope.Db.Comments.IgnoreQueryFilters().Select(comment => comment.ArticleId).ToListAsync())
            .ShouldBe([kept.Id]);
        (await Scope.Db.ArticleTags.Select(link => link.ArticleId).ToListAsync()).ShouldBe([kept.Id]);
        (await Scope.Db.Favorites.Select(favorite => favorite.ArticleId).ToListAsync()).ShouldBe([kept.Id]);
        (await Scope.Db.Tags.Select(tag => tag.Name).OrderBy(name => name).ToListAsync())
            .ShouldBe(["dragons", "training"]);
    }

    [Fact]
    public async Task Article_tag_links_are_stamped_by_the_database_clock()
    {
        var author = TestUsers.New();
        await Scope.ArrangeAsync(author);

        var article = await Scope.ArrangeArticleAsync(author, null, "dragons");

        // now() is the start of the transaction the whole test runs in, so the default must equal it exactly.
        var transactionStart = await Scope.Db.Database
            .SqlQuery<DateTimeOffset>($"SELECT now() AS \"Value\"")
            .SingleAsync();
        var link = await Scope.Db.ArticleTags.AsNoTracking().SingleAsync(link => link.ArticleId == article.Id);
        link.CreatedAt.ShouldBe(transactionStart);
        link.CreatedAt.ShouldNotBe(Fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_database_rejects_a_self_follow()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake);

        var violation = await Should.ThrowAsync<PostgresException>(
            () => Scope.Db.Database.ExecuteSqlAsync(
                $"INSERT INTO follows (follower_id, followee_id) VALUES ({jake.Id}, {jake.Id})"));

        violation.SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        violation.ConstraintName.ShouldBe("ck_follows_not_self");
    }
    //#endif
}
