namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>One CSV record: its fields, and the physical line it starts on (a quoted field may span several).</summary>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);
