using CleanTemplate.Web.Idempotency;

namespace CleanTemplate.Web.FunctionalTests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")]
    public void Visible_ascii_keys_are_well_formed(string key) =>
        IdempotencyKey.IsWellFormed(key).ShouldBeTrue();

    [Fact]
    public void A_key_of_the_maximum_length_is_well_formed() =>
        IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength)).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\tinside")]
    [InlineData("clé")]
    [InlineData("line\nbreak")]
    public void Empty_spaced_control_or_non_ascii_keys_are_malformed(string? key) =>
        IdempotencyKey.IsWellFormed(key).ShouldBeFalse();

    [Fact]
    public void A_key_longer_than_the_maximum_is_malformed() =>
        IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength + 1)).ShouldBeFalse();
}
