namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>Text that is not RFC 4180 CSV, at a line and field index the caller turns into a column name.</summary>
internal sealed class CsvFormatException(int lineNumber, int fieldIndex, string message) : Exception(message)
{
    public int LineNumber { get; } = lineNumber;

    public int FieldIndex { get; } = fieldIndex;
}
