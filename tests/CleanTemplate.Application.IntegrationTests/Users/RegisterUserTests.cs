using CleanTemplate.Application.Common.Results;
using CleanTemplate.Application.Users.Commands.RegisterUser;
using CleanTemplate.Domain.Common;
using CleanTemplate.TestSupport.Builders;
using CleanTemplate.TestSupport.Composition;
using Microsoft.EntityFrameworkCore;

namespace CleanTemplate.Application.IntegrationTests.Users;

public sealed class RegisterUserTests(ApplicationFixture fixture) : HandlerTest(fixture)
{
    [Fact]
    public async Task Registering_stores_the_user_with_a_hashed_password_and_an_empty_profile()
    {
        var result = await Scope.SendAsync(new RegisterUserCommand("jake", "Jake@Example.com", "jakejake1"));

        result.IsSuccess.ShouldBeTrue();
        result.Value.Username.ShouldBe("jake");
        result.Value.Email.ShouldBe("jake@example.com");
        result.Value.Token.ShouldNotBeNullOrWhiteSpace();
        var stored = await Scope.Db.Users
            .AsNoTracking()
            .Include(user => user.Profile)
            .SingleAsync(user => user.Username == "jake");
        stored.Email.ShouldBe("jake@example.com");
        stored.PasswordHash.ShouldNotContain("jakejake1");
        stored.Profile.Bio.ShouldBeNull();
        stored.Profile.Image.ShouldBeNull();
    }

    [Fact]
    public async Task Registering_stamps_the_audit_columns_from_the_clock()
    {
        await Scope.SendAsync(new RegisterUserCommand("audited", "audited@example.com", "password1"));

        var stored = await Scope.Db.Users
            .AsNoTracking()
            .Include(user => user.Profile)
            .SingleAsync(user => user.Username == "audited");
        stored.CreatedAt.ShouldBe(Fixture.Clock.GetUtcNow());
        stored.UpdatedAt.ShouldBe(stored.CreatedAt);
        stored.Status.ShouldBe(EntityStatus.Active);
        stored.Profile.CreatedAt.ShouldBe(stored.CreatedAt);
    }

    [Fact]
    public async Task Registering_a_taken_email_in_any_case_fails_on_the_email_field_and_writes_nothing()
    {
        await Scope.ArrangeAsync(TestUsers.New("first", "taken@example.com"));

        var result = await Scope.SendAsync(new RegisterUserCommand("second", "TAKEN@example.com", "password1"));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.ShouldBe(["email"]);
        result.Error.Fields["email"].ShouldBe(["has already been taken"]);
        (await Scope.Db.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Registering_a_taken_username_fails_on_the_username_field()
    {
        await Scope.ArrangeAsync(TestUsers.New("jake"));

        var result = await Scope.SendAsync(new RegisterUserCommand("jake", "other@example.com", "password1"));

        result.Error!.Fields!.Keys.ShouldBe(["username"]);
        (await Scope.Db.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_fields_are_all_reported_and_nothing_is_written()
    {
        var result = await Scope.SendAsync(new RegisterUserCommand("", "not-an-email", "short"));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!["username"].ShouldBe(["can't be empty"]);
        result.Error.Fields["email"].ShouldBe(["is invalid"]);
        result.Error.Fields["password"].ShouldBe(["is too short (minimum is 8 characters)"]);
        (await Scope.Db.Users.CountAsync()).ShouldBe(0);
        Fixture.QueryCounter.Commands.ShouldNotContain(sql => sql.Contains("INSERT", StringComparison.Ordinal));
    }
}
