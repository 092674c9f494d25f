using System.Globalization;

namespace CleanTemplate.Cli.Migrations;

/// <summary>One migration as <c>db history</c> shows it.</summary>
/// <param name="Id">EF's id: the UTC time <c>dotnet ef migrations add</c> ran, then the name.</param>
/// <param name="InThisBuild">
/// False for a migration the database has applied but this build does not contain (another branch's).
/// </param>
/// <param name="AppliedAt">
/// From the history table's AppliedAt column; null when pending, or applied before the column existed.
/// </param>
internal sealed record MigrationStatus(string Id, bool IsApplied, bool InThisBuild, DateTimeOffset? AppliedAt)
{
    public string Name => NameOf(Id);

    /// <summary>When the migration was created, read from its id's timestamp prefix.</summary>
    public DateTimeOffset? CreatedAt =>
        Id.Length > 14 && DateTimeOffset.TryParseExact(
            Id[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;

    public static string NameOf(string id) =>
        id.IndexOf('_', StringComparison.Ordinal) is var split and >= 0 ? id[(split + 1)..] : id;
}
