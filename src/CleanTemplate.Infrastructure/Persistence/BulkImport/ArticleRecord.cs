namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>One article as the file has it, before validation: any field may be missing or wrong.</summary>
internal sealed record ArticleRecord(
    string? Author,
    string? Title,
    string? Description,
    string? Body,
    IReadOnlyList<string>? TagList,
    string? CreatedAt);
