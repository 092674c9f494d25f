namespace CleanTemplate.TestSupport.Builders;

/// <summary>One article of an import file a test writes; every field is written as given, blank or not.</summary>
public sealed record ImportRow(
    string Author,
    string Title,
    string Description = "About it",
    string Body = "Text",
    IReadOnlyList<string>? TagList = null,
    string? CreatedAt = null);
