using System.Net;
using System.Text.Json;
using CleanTemplate.Domain.Profiles;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.Web.FunctionalTests.Support;

namespace CleanTemplate.Web.FunctionalTests.Profiles;

public sealed class GetProfileTests(WebApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_anonymous_reader_gets_the_spec_profile_with_following_false()
    {
        var jake = TestUsers.New("jake");
        jake.Profile.Update("I work at statefarm", "https://api.realworld.io/images/smiley-cyrus.jpg");
        var (follower, _) = await Factory.SignedInUserAsync();
        await Factory.SaveAsync(jake);
        await Factory.SaveAsync(new Follow(follower.Id, jake.Id));

        var response = await Anonymous.GetAsync("/api/profiles/jake");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.ShouldHaveExactlyProperties("profile");
        var profile = body.GetProperty("profile");
        profile.ShouldHaveExactlyProperties("username", "bio", "image", "following");
        profile.GetProperty("username").GetString().ShouldBe("jake");
        profile.GetProperty("bio").GetString().ShouldBe("I work at statefarm");
        profile.GetProperty("image").GetString().ShouldBe("https://api.realworld.io/images/smiley-cyrus.jpg");
        profile.GetProperty("following").ValueKind.ShouldBe(JsonValueKind.False);
    }

    [Fact]
    public async Task A_signed_in_reader_who_follows_the_user_gets_following_true()
    {
        var jake = TestUsers.New("jake");
        var (reader, client) = await Factory.SignedInUserAsync();
        await Factory.SaveAsync(jake);
        await Factory.SaveAsync(new Follow(reader.Id, jake.Id));

        var response = await client.GetAsync("/api/profiles/jake");

        var profile = (await response.ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("profile");
        profile.GetProperty("username").GetString().ShouldBe("jake");
        profile.GetProperty("following").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_signed_in_reader_who_does_not_follow_the_user_gets_following_false()
    {
        var jake = TestUsers.New("jake");
        var (someoneElse, _) = await Factory.SignedInUserAsync();
        var (_, client) = await Factory.SignedInUserAsync();
        await Factory.SaveAsync(jake);
        await Factory.SaveAsync(new Follow(someoneElse.Id, jake.Id));

        var response = await client.GetAsync("/api/profiles/jake");

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetProperty("profile").GetProperty("following").GetBoolean()
            .ShouldBeFalse();
    }

    [Fact]
    public async Task Reading_a_profile_with_the_viewers_follow_costs_one_query()
    {
        var jake = TestUsers.New("jake");
        var (reader, client) = await Factory.SignedInUserAsync();
        await Factory.SaveAsync(jake);
        await Factory.SaveAsync(new Follow(reader.Id, jake.Id));

        var response = await client.GetAsync("/api/profiles/jake");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Factory.QueryCounter.Count.ShouldBe(1, string.Join("\n", Factory.QueryCounter.Commands));
    }

    [Fact]
    public async Task An_unknown_username_is_404_problem_details()
    {
        await Factory.SignedInUserAsync("jake");

        var response = await Anonymous.GetAsync("/api/profiles/nobody");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().ShouldBe("No user named 'nobody'.");
    }
}
