using CleanTemplate.Application.Users.Queries.GetCurrentUser;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;

namespace CleanTemplate.Application.IntegrationTests.Users;

public sealed class GetCurrentUserTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task The_current_user_is_read_with_one_query()
    {
        var jake = TestUsers.New("jake");
        jake.Profile.Update("bio", null);
        await Scope.ArrangeAsync(jake);
        Scope.CurrentUser.Id = jake.Id;
        Fixture.QueryCounter.Reset();

        var result = await Scope.SendAsync(new GetCurrentUserQuery());

        result.Value.Username.ShouldBe("jake");
        result.Value.Bio.ShouldBe("bio");
        Fixture.QueryCounter.Count.ShouldBe(1, string.Join("\n", Fixture.QueryCounter.Commands));
    }
}
