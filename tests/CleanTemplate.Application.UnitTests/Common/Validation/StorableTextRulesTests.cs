using CleanTemplate.Application.Common.Validation;

namespace CleanTemplate.Application.UnitTests.Common.Validation;

public sealed class StorableTextRulesTests
{
    // UTF-16 code units in hex: xunit 2 turns a lone surrogate in a string argument into U+FFFD on discovery.
    [Theory]
    [InlineData("0061 0000 0062", StorableTextRules.NulCharacter)]
    [InlineData("0000 D800", StorableTextRules.NulCharacter)]
    [InlineData("D800", StorableTextRules.UnpairedSurrogate)]
    [InlineData("0061 DC00 0062", StorableTextRules.UnpairedSurrogate)]
    [InlineData("DC00 D800", StorableTextRules.UnpairedSurrogate)]
    [InlineData("D83D DE00 D800", StorableTextRules.UnpairedSurrogate)]
    public void Text_PostgreSQL_cannot_hold_is_named_for_what_it_holds(string codeUnits, string problem) =>
        StorableTextRules.ProblemOf(Text(codeUnits)).ShouldBe(problem);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0070 006C 0061 0069 006E")]
    [InlineData("0001 001F 007F FFFE FFFF")]
    [InlineData("0061 D83D DE00 0062")]
    public void Text_PostgreSQL_can_hold_passes(string? codeUnits) =>
        StorableTextRules.ProblemOf(codeUnits is null ? null : Text(codeUnits)).ShouldBeNull();

    private static string Text(string codeUnits) =>
        codeUnits.Length == 0
            ? ""
            : new(codeUnits.Split(' ').Select(unit => (char)Convert.ToUInt16(unit, 16)).ToArray());
}
