using System.Globalization;
using System.Text;

namespace CleanTemplate.Domain.Articles;

/// <summary>URL-safe slugs: "How to train your dragon?" → "how-to-train-your-dragon".</summary>
public static class ArticleSlug
{
    public static string From(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var character in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
                continue; // drops the accents that FormD split off: "é" → "e"
            if (char.IsAsciiLetterOrDigit(character))
                slug.Append(char.ToLowerInvariant(character));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > Article.SlugMaxLength - 9)
            result = result[..(Article.SlugMaxLength - 9)].TrimEnd('-');
        return result.Length == 0 ? "article" : result;
    }

    /// <summary>
    /// Appends the last 8 hex digits of the id (the random part of a UUID v7), unique enough among same-titled
    /// articles.
    /// </summary>
    public static string Disambiguated(string slug, Guid id) => $"{slug}-{id.ToString("N")[^8..]}";
}
