using System.Text.Json;
using CleanTemplate.Application.Articles;
using CleanTemplate.Application.Articles.Import;
using CleanTemplate.Domain.Articles;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Validates a record as it is parsed and gives it its id and slugs; a bad record throws, naming its line and field.
/// </summary>
internal sealed class ImportedArticleFactory(ArticleImportFormat format, DateTimeOffset now)
{
    private static readonly ArticleRecordValidator Validator = new();

    public ImportedArticle Create(ArticleRecord record, int lineNumber)
    {
        var validation = Validator.Validate(record);
        if (!validation.IsValid)
        {
            var failure = validation.Errors[0];
            throw Error(lineNumber, FieldName(failure.PropertyName), failure.ErrorMessage);
        }

        var createdAt = record.CreatedAt is not null && IsoTimestamp.TryParse(record.CreatedAt, out var parsed)
            ? parsed
            : now;

        // A UUID v7 stamped with the article's own creation time when the file gives one, so ids sort by created_at
        // like the others; otherwise with the clock as the row is parsed, as Article.Write does, so consecutive rows
        // get increasing ids and the primary key index fills at its right edge instead of at random pages. The version
        // 7 layout has no room for instants before 1970; those rows take the clock too.
        var id = record.CreatedAt is not null && createdAt >= DateTimeOffset.UnixEpoch
            ? Guid.CreateVersion7(createdAt)
            : Guid.CreateVersion7();
        var slug = ArticleSlug.From(record.Title!);
        return new ImportedArticle(
            lineNumber,
            id,
            record.Author!,
            record.Title!,
            record.Description!,
            record.Body!,
            [.. TagNames.Normalize(record.TagList)],
            createdAt,
            slug,
            ArticleSlug.Disambiguated(slug, id));
    }

    /// <summary>"line 12, field 'title': can't be empty" (CSV) or "item 12, ..." (JSON).</summary>
    public ArticleImportException Error(int lineNumber, string field, string reason) =>
        new(
            lineNumber,
            field,
            $"{(format == ArticleImportFormat.Csv ? "line" : "item")} {lineNumber}, field '{field}': {reason}");

    /// <summary>
    /// The validator's property name as the file spells it: "TagList[2]" is "tags" in CSV, "tagList" in JSON.
    /// </summary>
    private string FieldName(string propertyName)
    {
        var property = propertyName.Split('[')[0];
        if (format == ArticleImportFormat.Csv && property == nameof(ArticleRecord.TagList))
            return CsvArticleReader.TagsColumn;
        return JsonNamingPolicy.CamelCase.ConvertName(property);
    }
}
