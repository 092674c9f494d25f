using System.Globalization;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// ISO 8601 timestamps as databases and JavaScript export them: a date, or a date and time with optional seconds,
/// fraction and offset (<c>Z</c> or <c>±hh:mm</c>). Without an offset the time is taken as UTC.
/// </summary>
internal static class IsoTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    /// <summary>The instant in UTC: PostgreSQL's <c>timestamptz</c> takes only offset 0 from Npgsql.</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
}
