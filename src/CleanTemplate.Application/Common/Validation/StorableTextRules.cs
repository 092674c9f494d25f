using FluentValidation;

namespace CleanTemplate.Application.Common.Validation;

/// <summary>
/// Text PostgreSQL can store or compare: no U+0000 (its text types cannot hold it, error 22021) and no lone UTF-16
/// surrogate (it has no UTF-8 form). Every string a use case stores or filters by goes through this one rule.
/// </summary>
public static class StorableTextRules
{
    public const string NulCharacter = "must not contain the NUL character (U+0000)";
    public const string UnpairedSurrogate = "must not contain an unpaired UTF-16 surrogate";

    public static IRuleBuilderOptions<T, string?> StorableText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => ProblemOf(text) is null).WithMessage((_, text) => ProblemOf(text)!);

    /// <summary>Why PostgreSQL would refuse <paramref name="text"/>, or null when it would not.</summary>
    public static string? ProblemOf(string? text)
    {
        var span = text.AsSpan();
        if (span.Contains('\0'))
            return NulCharacter;

        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
            return null;
        for (var i = first; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                i++;
            else if (char.IsSurrogate(span[i]))
                return UnpairedSurrogate;
        }

        return null;
    }
}
