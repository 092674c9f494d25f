using CleanTemplate.Infrastructure.Persistence.BulkImport;

namespace CleanTemplate.Application.IntegrationTests.BulkImport;

/// <summary>The RFC 4180 reader on its own: pure logic, no database.</summary>
public sealed class CsvRecordReaderTests
{
    [Fact]
    public async Task Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_records_keep_their_physical_line()
    {
        var records = await ReadAsync("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthen\r\nbye\"\nlast,\"\"");

        records.ShouldBe(["1: a|b", "2: x, y|say \"hi\"\nthen\r\nbye", "5: last|"]);
    }

    [Fact]
    public async Task Line_endings_may_be_crlf_lf_or_cr_and_blank_lines_are_skipped()
    {
        var records = await ReadAsync("a,b\r\n\r\nc,d\ne,f\rg,\n\n");

        records.ShouldBe(["1: a|b", "3: c|d", "4: e|f", "5: g|"]);
    }

    [Theory]
    [InlineData("a,b\nc,\"never\nclosed", 2, 1)]
    [InlineData("a,b\n\"x\"y,z", 2, 0)]
    [InlineData("a,b\nc,d\"e", 2, 1)]
    public async Task Malformed_quoting_is_an_error_at_the_line_and_field_it_starts(string csv, int line, int field)
    {
        var error = await Should.ThrowAsync<CsvFormatException>(() => ReadAsync(csv));

        (error.LineNumber, error.FieldIndex).ShouldBe((line, field));
    }

    /// <summary>Each record as "line: field|field".</summary>
    private static async Task<List<string>> ReadAsync(string csv)
    {
        var records = new List<string>();
        await foreach (var record in new CsvRecordReader(new StringReader(csv)).ReadAllAsync(CancellationToken.None))
            records.Add($"{record.LineNumber}: {string.Join('|', record.Fields)}");
        return records;
    }
}
