namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// A validated row, ready to be resolved and copied. Its id (UUID v7) and both slug candidates are computed here, in
/// the application, so imported articles follow the same rules as articles written through the API.
/// </summary>
/// <param name="LineNumber">Where the row is in the file: for the database's errors and slug precedence.</param>
/// <param name="BaseSlug">The title's slug, used when no live article and no earlier row has it.</param>
/// <param name="DisambiguatedSlug">The slug with the id's suffix, used otherwise.</param>
internal sealed record ImportedArticle(
    int LineNumber,
    Guid Id,
    string Author,
    string Title,
    string Description,
    string Body,
    string[] Tags,
    DateTimeOffset CreatedAt,
    string BaseSlug,
    string DisambiguatedSlug);
