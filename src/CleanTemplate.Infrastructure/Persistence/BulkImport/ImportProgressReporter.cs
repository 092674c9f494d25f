using CleanTemplate.Application.Articles.Import;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>Reports as each batch enters each stage, so a progress bar moves without flooding the caller.</summary>
internal sealed class ImportProgressReporter(Stream content, IProgress<ImportProgress>? progress)
{
    private ImportStage _stage;

    public int ArticlesImported { get; private set; }

    public void Enter(ImportStage stage)
    {
        _stage = stage;
        Report();
    }

    public void Imported(int articles) => ArticlesImported += articles;

    // The parser advances the stream on another thread (ReadAhead): its position is approximate, so it is clamped.
    private void Report() =>
        progress?.Report(content.CanSeek
            ? new ImportProgress(
                _stage, ArticlesImported, Math.Clamp(content.Position, 0, content.Length), content.Length)
            : new ImportProgress(_stage, ArticlesImported, 0, null));
}
