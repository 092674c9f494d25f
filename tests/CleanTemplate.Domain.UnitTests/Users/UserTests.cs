using CleanTemplate.Domain.Common;
using CleanTemplate.Domain.Users;
using CleanTemplate.Domain.Users.Events;

namespace CleanTemplate.Domain.UnitTests.Users;

public sealed class UserTests
{
    [Fact]
    public void Registering_normalizes_the_email_and_creates_an_empty_active_profile()
    {
        var user = User.Register("jake", "  Jake@Example.COM ", "hash");

        user.Email.ShouldBe("jake@example.com");
        user.Status.ShouldBe(EntityStatus.Active);
        user.Profile.ShouldNotBeNull();
        user.Profile.Bio.ShouldBeNull();
    }

    [Fact]
    public void Registering_raises_one_user_registered_event()
    {
        var user = User.Register("jake", "jake@example.com", "hash");

        user.DomainEvents.ShouldHaveSingleItem().ShouldBe(new UserRegistered(user));
    }

    [Fact]
    public void Clearing_domain_events_empties_them()
    {
        var user = User.Register("jake", "jake@example.com", "hash");

        user.ClearDomainEvents();

        user.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void Changing_the_email_normalizes_it()
    {
        var user = User.Register("jake", "jake@example.com", "hash");

        user.ChangeEmail("NEW@Example.com");

        user.Email.ShouldBe("new@example.com");
    }
}
