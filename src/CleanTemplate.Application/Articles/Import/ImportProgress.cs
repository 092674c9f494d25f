namespace CleanTemplate.Application.Articles.Import;

/// <summary>
/// Where an import stands: <see cref="BytesRead"/> of <see cref="BytesTotal"/> (null when the input's length is
/// unknown) drives a progress bar.
/// </summary>
/// <param name="ArticlesImported">
/// Articles of the batches written so far (not committed until <see cref="ImportStage.Committed"/>).
/// </param>
public sealed record ImportProgress(ImportStage Stage, int ArticlesImported, long BytesRead, long? BytesTotal);
