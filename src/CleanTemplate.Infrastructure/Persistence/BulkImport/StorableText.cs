namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Text PostgreSQL can store: no U+0000 (its text types cannot hold it) and no lone UTF-16 surrogate (it has no UTF-8
/// form). Checked while parsing because either would otherwise fail inside COPY, where the row's line is unknown.
/// </summary>
internal static class StorableText
{
    public const string Problem = "contains a NUL character or an unpaired surrogate, which PostgreSQL text cannot hold";

    public static bool IsStorable(string? text)
    {
        var span = text.AsSpan();
        if (span.Contains('\0'))
            return false;

        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
            return true;
        for (var i = first; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                i++;
            else if (char.IsSurrogate(span[i]))
                return false;
        }

        return true;
    }
}
