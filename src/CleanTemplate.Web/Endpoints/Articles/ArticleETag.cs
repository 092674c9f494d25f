using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace CleanTemplate.Web.Endpoints.Articles;

/// <summary>The row version as an HTTP entity tag: <c>ETag: "42"</c> out, <c>If-Match: "42"</c> back in.</summary>
internal static class ArticleETag
{
    public static string Format(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>True with null when there is no If-Match; false when it is not an ETag this API issued.</summary>
    public static bool TryParseIfMatch(StringValues header, out uint? version)
    {
        version = null;
        if (StringValues.IsNullOrEmpty(header))
            return true;

        var text = header.ToString().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
            text = text[2..];
        if (text.Length < 3 || text[0] != '"' || text[^1] != '"'
            || !uint.TryParse(
                text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;

        version = parsed;
        return true;
    }
}
