using System.Text;
using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Infrastructure.Persistence.BulkImport;

namespace CleanTemplate.Infrastructure.UnitTests.Persistence.BulkImport;

/// <summary>The CSV article reader on its own (CsvHelper underneath): pure logic, no database.</summary>
public sealed class CsvArticleReaderTests
{
    private const string Header = "author,title,description,body,tags";
    private const string RequiredHeader = "author,title,description,body";

    [Fact]
    public async Task Quoted_fields_keep_commas_doubled_quotes_and_line_breaks_and_records_keep_their_physical_line()
    {
        var articles = await ReadAsync(
            $"{Header}\r\njake,\"x, y\",d,\"say \"\"hi\"\"\nthen\r\nbye\",t\njake,last,d,b,\"\"");

        articles.ShouldBe(["2: jake|x, y|d|say \"hi\"\nthen\r\nbye|t", "5: jake|last|d|b|"]);
    }

    [Fact]
    public async Task Line_endings_may_be_crlf_lf_or_cr_and_blank_lines_are_skipped()
    {
        var articles = await ReadAsync($"{Header}\r\n\r\njake,c,d,b,t\njake,e,f,b,t\rjake,g,d,b,\n\n");

        articles.ShouldBe(["3: jake|c|d|b|t", "4: jake|e|f|b|t", "5: jake|g|d|b|"]);
    }

    [Theory]
    [InlineData("jake,\"never\nclosed", 2, "title", "has a quoted field that is never closed")]
    [InlineData("\"x\"y,t,d,b", 2, "author", "has text after its closing quote")]
    [InlineData("jake,d\"e,d,b", 2, "title", "has a quote inside an unquoted field")]
    [InlineData("jake,\"two\nlines\",\"x\"y,b", 3, "description", "has text after its closing quote")]
    public async Task Malformed_quoting_is_an_error_at_the_line_and_field_it_starts(
        string records, int line, string field, string reason)
    {
        var error = await Should.ThrowAsync<ArticleImportException>(() => ReadAsync($"{RequiredHeader}\n{records}"));

        (error.LineNumber, error.Field).ShouldBe((line, field));
        error.Message.ShouldStartWith($"line {line}, field '{field}': {reason}");
    }

    [Fact]
    public async Task The_header_names_the_columns_in_any_order_and_any_case_after_a_byte_order_mark()
    {
        var articles = await ReadAsync("\uFEFFBody, TITLE ,Author,description\nb,t,jake,d\n");

        articles.ShouldBe(["2: jake|t|d|b|"]);
    }

    [Theory]
    [InlineData("author,title,description,body,colour\n", "colour", "is not a column of the import")]
    [InlineData("author,title,Title,description,body\n", "title", "is named twice in the header")]
    [InlineData("author,title,body\n", "description", "is missing from the header")]
    public async Task A_header_with_an_unknown_repeated_or_missing_column_is_refused_naming_it(
        string csv, string field, string reason)
    {
        var error = await Should.ThrowAsync<ArticleImportException>(() => ReadAsync(csv));

        (error.LineNumber, error.Field).ShouldBe((1, field));
        error.Message.ShouldStartWith($"line 1, field '{field}': {reason}");
    }

    [Theory]
    [InlineData("jake,t,d\n", "body", "the record has 3 fields, the header 4")]
    [InlineData("jake,t,d,b,extra\n", "#5", "the record has 5 fields, the header 4")]
    public async Task A_record_with_the_wrong_number_of_fields_is_refused(string record, string field, string reason)
    {
        var error = await Should.ThrowAsync<ArticleImportException>(() => ReadAsync($"{RequiredHeader}\n{record}"));

        error.Message.ShouldBe($"line 2, field '{field}': {reason}");
    }

    /// <summary>Each article as "line: author|title|description|body|tags".</summary>
    private static async Task<List<string>> ReadAsync(string csv)
    {
        var factory = new ImportedArticleFactory(ArticleImportFormat.Csv, DateTimeOffset.UnixEpoch);
        var articles = new List<string>();
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await foreach (var article in CsvArticleReader.ReadAsync(content, factory, CancellationToken.None))
        {
            var tags = string.Join(';', article.Tags);
            string[] fields = [article.Author, article.Title, article.Description, article.Body, tags];
            articles.Add($"{article.LineNumber}: {string.Join('|', fields)}");
        }

        return articles;
    }
}
