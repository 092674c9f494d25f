using System.Net;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Profiles;

public sealed class FollowTests(WebApiFactory factory) : ApiTest(factory)
{
    private const string FollowCount =
        "SELECT count(*) FROM follows WHERE follower_id = @follower AND followee_id = @followee";

    [Fact]
    public async Task Following_answers_the_profile_as_followed_and_stores_one_follow()
    {
        var (me, client) = await Factory.SignedInUserAsync();
        var (jake, _) = await Factory.SignedInUserAsync("jake");

        var response = await client.PostAsync("/api/profiles/jake/follow", null);

        var profile = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("profile");
        profile.GetProperty("username").GetString().ShouldBe("jake");
        profile.GetProperty("following").GetBoolean().ShouldBeTrue();
        (await Factory.ScalarAsync<long>(FollowCount, ("follower", me.Id), ("followee", jake.Id))).ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(1);
    }

    [Fact]
    public async Task Following_twice_keeps_one_follow()
    {
        var (me, client) = await Factory.SignedInUserAsync();
        var (jake, _) = await Factory.SignedInUserAsync("jake");
        (await client.PostAsync("/api/profiles/jake/follow", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await client.PostAsync("/api/profiles/jake/follow", null);

        (await again.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("profile").GetProperty("following").GetBoolean()
            .ShouldBeTrue();
        (await Factory.ScalarAsync<long>(FollowCount, ("follower", me.Id), ("followee", jake.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Following_yourself_is_422_naming_the_username_and_stores_nothing()
    {
        var (me, client) = await Factory.SignedInUserAsync();

        var response = await client.PostAsync($"/api/profiles/{me.Username}/follow", null);

        var errors = await response.ShouldBeValidationProblemAsync("username");
        errors.GetProperty("username")[0].GetString().ShouldBe("can't be yourself");
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(0);
    }

    [Fact]
    public async Task Following_an_unknown_user_is_404_and_stores_nothing()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.PostAsync("/api/profiles/nobody/follow", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(0);
    }

    [Fact]
    public async Task Following_without_a_token_is_401_and_stores_nothing()
    {
        await Factory.SignedInUserAsync("jake");

        var response = await Anonymous.PostAsync("/api/profiles/jake/follow", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(0);
    }

    [Fact]
    public async Task Unfollowing_answers_the_profile_as_not_followed_and_removes_the_follow()
    {
        var (me, client) = await Factory.SignedInUserAsync();
        var (jake, _) = await Factory.SignedInUserAsync("jake");
        await Factory.SaveAsync(new Follow(me.Id, jake.Id));

        var response = await client.DeleteAsync("/api/profiles/jake/follow");

        var profile = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("profile");
        profile.GetProperty("username").GetString().ShouldBe("jake");
        profile.GetProperty("following").GetBoolean().ShouldBeFalse();
        (await Factory.ScalarAsync<long>(FollowCount, ("follower", me.Id), ("followee", jake.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Unfollowing_someone_not_followed_succeeds_with_following_false()
    {
        var (_, client) = await Factory.SignedInUserAsync();
        await Factory.SignedInUserAsync("jake");

        var response = await client.DeleteAsync("/api/profiles/jake/follow");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("profile").GetProperty("following").GetBoolean()
            .ShouldBeFalse();
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(0);
    }

    [Fact]
    public async Task Unfollowing_removes_only_the_callers_follow()
    {
        var (me, client) = await Factory.SignedInUserAsync();
        var (anna, _) = await Factory.SignedInUserAsync("anna");
        var jake = TestUsers.New("jake");
        await Factory.SaveAsync(jake);
        await Factory.SaveAsync(new Follow(me.Id, jake.Id), new Follow(anna.Id, jake.Id));

        (await client.DeleteAsync("/api/profiles/jake/follow")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Factory.ScalarAsync<long>(FollowCount, ("follower", anna.Id), ("followee", jake.Id))).ShouldBe(1);
        (await Factory.ScalarAsync<long>("SELECT count(*) FROM follows")).ShouldBe(1);
    }

    [Fact]
    public async Task Unfollowing_without_a_token_is_401_and_keeps_the_follow()
    {
        var (me, _) = await Factory.SignedInUserAsync();
        var (jake, _) = await Factory.SignedInUserAsync("jake");
        await Factory.SaveAsync(new Follow(me.Id, jake.Id));

        var response = await Anonymous.DeleteAsync("/api/profiles/jake/follow");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await Factory.ScalarAsync<long>(FollowCount, ("follower", me.Id), ("followee", jake.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Unfollowing_yourself_is_422_naming_the_username()
    {
        var (me, client) = await Factory.SignedInUserAsync();

        var response = await client.DeleteAsync($"/api/profiles/{me.Username}/follow");

        var errors = await response.ShouldBeValidationProblemAsync("username");
        errors.GetProperty("username")[0].GetString().ShouldBe("can't be yourself");
    }

    [Fact]
    public async Task Unfollowing_an_unknown_user_is_404()
    {
        var (_, client) = await Factory.SignedInUserAsync();

        var response = await client.DeleteAsync("/api/profiles/nobody/follow");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
