using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Profiles.Commands.FollowProfile;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Profiles;

public sealed class UnfollowProfileTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Unfollowing_returns_the_profile_as_not_followed_and_removes_the_follow()
    {
        var me = TestUsers.New();
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(me, jake);
        await Scope.ArrangeAsync(new Follow(me.Id, jake.Id));
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new UnfollowProfileCommand("jake"));

        result.Value.ShouldBe(new() { Username = jake.Username, Bio = null, Image = null, Following = false });
        (await Scope.Db.Follows.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Unfollowing_someone_not_followed_succeeds_and_leaves_other_follows()
    {
        var me = TestUsers.New();
        var anna = TestUsers.New("anna");
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(me, anna, jake);
        await Scope.ArrangeAsync(new Follow(anna.Id, jake.Id), new Follow(jake.Id, me.Id));
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new UnfollowProfileCommand("jake"));

        result.Value.Following.ShouldBeFalse();
        var remaining = await Scope.Db.Follows
            .AsNoTracking()
            .Select(follow => new { follow.FollowerId, follow.FolloweeId })
            .ToListAsync();
        remaining.ShouldBe(
            [new { FollowerId = anna.Id, FolloweeId = jake.Id }, new { FollowerId = jake.Id, FolloweeId = me.Id }],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Unfollowing_an_unknown_user_is_not_found()
    {
        var me = TestUsers.New();
        await Scope.ArrangeAsync(me);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new UnfollowProfileCommand("nobody"));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_unfollow()
    {
        var me = TestUsers.New();
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(me, jake);
        await Scope.ArrangeAsync(new Follow(me.Id, jake.Id));

        var result = await Scope.SendAsync(new UnfollowProfileCommand("jake"));

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
        (await Scope.Db.Follows.CountAsync()).ShouldBe(1);
    }
}
