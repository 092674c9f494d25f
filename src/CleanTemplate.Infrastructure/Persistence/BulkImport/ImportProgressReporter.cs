using CleanTemplate.Application.Articles.Import;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>Reports at each stage and every <see cref="RowsPerReport"/> rows while copying, so a progress bar moves without flooding the caller.</summary>
internal sealed class ImportProgressReporter(Stream content, IProgress<ImportProgress>? progress)
{
    private const int RowsPerReport = 1_000;
    private ImportStage _stage;
    private int _rowsCopied;
    private int _articlesInserted;

    public void Enter(ImportStage stage)
    {
        _stage = stage;
        Report();
    }

    public void RowCopied()
    {
        if (++_rowsCopied % RowsPerReport == 0)
            Report();
    }

    public void ArticlesInserted(int count) => _articlesInserted = count;

    // The parser advances the stream on another thread (ReadAhead): its position is approximate, so it is clamped.
    private void Report() =>
        progress?.Report(content.CanSeek
            ? new ImportProgress(_stage, _rowsCopied, _articlesInserted, Math.Clamp(content.Position, 0, content.Length), content.Length)
            : new ImportProgress(_stage, _rowsCopied, _articlesInserted, 0, null));
}
