using CleanTemplate.Domain.Users;

namespace CleanTemplate.Domain.UnitTests.Users;

public sealed class UserProfileTests
{
    private readonly UserProfile _profile = User.Register("jake", "jake@example.com", "hash").Profile;

    [Fact]
    public void Null_leaves_a_field_unchanged()
    {
        _profile.Update("bio", "https://example.com/a.png");

        _profile.Update(null, null);

        _profile.Bio.ShouldBe("bio");
        _profile.Image.ShouldBe("https://example.com/a.png");
    }

    [Fact]
    public void Blank_clears_a_field()
    {
        _profile.Update("bio", "https://example.com/a.png");

        _profile.Update("", "  ");

        _profile.Bio.ShouldBeNull();
        _profile.Image.ShouldBeNull();
    }
}
