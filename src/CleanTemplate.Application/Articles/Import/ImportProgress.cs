namespace CleanTemplate.Application.Articles.Import;

/// <summary>
/// Where an import stands. While <see cref="Stage"/> is <see cref="ImportStage.Copying"/>, <see cref="BytesRead"/> of
/// <see cref="BytesTotal"/> (null when the input's length is unknown) drives a progress bar.
/// </summary>
/// <param name="RowsCopied">Rows parsed, validated and streamed into the staging table so far.</param>
/// <param name="ArticlesInserted">Articles written; known once <see cref="ImportStage.InsertingArticles"/> is done.</param>
public sealed record ImportProgress(ImportStage Stage, int RowsCopied, int ArticlesInserted, long BytesRead, long? BytesTotal);
