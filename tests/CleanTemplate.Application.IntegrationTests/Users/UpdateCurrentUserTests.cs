using CleanTemplate.Application.Common.Interfaces;
using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users.Commands.UpdateCurrentUser;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Users;

public sealed class UpdateCurrentUserTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Updating_changes_only_the_given_fields_and_bumps_updated_at()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake);
        Scope.CurrentUser.Id = jake.Id;
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await Scope.SendAsync(
            new UpdateCurrentUserCommand(null, null, null, "I like to skateboard", "https://example.com/jake.png"));

        result.Value.Bio.ShouldBe("I like to skateboard");
        result.Value.Username.ShouldBe("jake");
        Scope.Db.ChangeTracker.Clear();
        var stored = await Scope.Db.Users.Include(user => user.Profile).SingleAsync(user => user.Id == jake.Id);
        stored.Profile.Image.ShouldBe("https://example.com/jake.png");
        stored.Email.ShouldBe(jake.Email);
        stored.Profile.UpdatedAt.ShouldBe(stored.Profile.CreatedAt + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake);
        Scope.CurrentUser.Id = jake.Id;

        await Scope.SendAsync(new UpdateCurrentUserCommand(null, null, "a brand new password", null, null));

        var stored = await Scope.Db.Users.AsNoTracking().SingleAsync(user => user.Id == jake.Id);
        var hasher = Scope.Get<IPasswordHasher>();
        hasher.Verify(stored.PasswordHash, "a brand new password").ShouldBeTrue();
        hasher.Verify(stored.PasswordHash, TestUsers.Password).ShouldBeFalse();
    }

    [Fact]
    public async Task Taking_another_users_email_fails_and_changes_nothing()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake, TestUsers.New("anna", "anna@example.com"));
        Scope.CurrentUser.Id = jake.Id;

        var result =
            await Scope.SendAsync(new UpdateCurrentUserCommand("anna@example.com", null, null, "new bio", null));

        result.Error!.Fields!.Keys.ShouldBe(["email"]);
        var stored = await Scope.Db.Users
            .AsNoTracking()
            .Include(user => user.Profile)
            .SingleAsync(user => user.Id == jake.Id);
        stored.Email.ShouldBe(jake.Email);
        stored.Profile.Bio.ShouldBeNull();
    }

    [Fact]
    public async Task Keeping_ones_own_email_is_not_a_conflict()
    {
        var jake = TestUsers.New("jake");
        await Scope.ArrangeAsync(jake);
        Scope.CurrentUser.Id = jake.Id;

        var result = await Scope.SendAsync(new UpdateCurrentUserCommand(jake.Email, "jake", null, null, null));

        result.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized()
    {
        var result = await Scope.SendAsync(new UpdateCurrentUserCommand(null, null, null, "bio", null));

        result.Error!.Kind.ShouldBe(ErrorKind.Unauthorized);
    }
}
