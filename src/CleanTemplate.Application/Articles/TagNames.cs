namespace CleanTemplate.Application.Articles;

/// <summary>How tag names are cleaned up before they are stored, by the API and the bulk import alike.</summary>
public static class TagNames
{
    public const int MaxTagsPerArticle = 20;

    /// <summary>Trimmed, without blanks and duplicates, in the order given.</summary>
    public static IReadOnlyCollection<string> Normalize(IReadOnlyList<string>? names) =>
        (names ?? [])
            .Select(name => name.Trim())
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
