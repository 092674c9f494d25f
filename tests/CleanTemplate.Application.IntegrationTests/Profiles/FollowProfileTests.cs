using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Profiles.Commands.FollowProfile;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Profiles;

public sealed class FollowProfileTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Following_returns_the_profile_as_followed_and_stores_the_follow()
    {
        var me = TestUsers.New();
        var jake = TestUsers.New("jake");
        jake.Profile.Update("I work at statefarm", null);
        await Scope.ArrangeAsync(me, jake);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new FollowProfileCommand("jake"));

        result.Value.ShouldBe(
            new() { Username = jake.Username, Bio = "I work at statefarm", Image = null, Following = true });
        (await Scope.Db.Follows.AsNoTracking().SingleAsync()).ShouldSatisfyAllConditions(
            follow => follow.FollowerId.ShouldBe(me.Id),
            follow => follow.FolloweeId.ShouldBe(jake.Id));
    }

    [Fact]
    public async Task Following_twice_keeps_one_follow()
    {
        var me = TestUsers.New();
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(me, jake);
        Scope.CurrentUser.Id = me.Id;
        await Scope.SendAsync(new FollowProfileCommand("jake"));

        var result = await Scope.SendAsync(new FollowProfileCommand("jake"));

        result.Value.Following.ShouldBeTrue();
        (await Scope.Db.Follows.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Following_yourself_fails_on_the_username_field_and_stores_nothing()
    {
        var me = TestUsers.New("jake");
        await Scope.ArrangeAsync(me);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new FollowProfileCommand("jake"));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.ShouldBe(["username"]);
        (await Scope.Db.Follows.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Following_an_unknown_user_is_not_found()
    {
        var me = TestUsers.New();
        await Scope.ArrangeAsync(me);
        Scope.CurrentUser.Id = me.Id;

        var result = await Scope.SendAsync(new FollowProfileCommand("nobody"));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await Scope.Db.Follows.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_follow()
    {
        await Scope.ArrangeAsync(TestUsers.New("jake"));

        var result = await Scope.SendAsync(new FollowProfileCommand("jake"));

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
        (await Scope.Db.Follows.CountAsync()).ShouldBe(0);
    }
}
