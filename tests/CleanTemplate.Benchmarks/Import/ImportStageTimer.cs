using System.Diagnostics;
using System.Globalization;
using CleanTemplate.Application.Articles.Import;

namespace CleanTemplate.Benchmarks.Import;

/// <summary>
/// Turns an import's progress reports into the time spent in each stage over all batches, to show where a bulk load
/// goes.
/// </summary>
internal sealed class ImportStageTimer : IProgress<ImportProgress>
{
    private readonly Dictionary<ImportStage, TimeSpan> _stages = [];
    private long _stageStarted = Stopwatch.GetTimestamp();
    private ImportStage? _current;

    public void Report(ImportProgress value)
    {
        if (value.Stage == _current)
            return;
        if (_current is { } finished)
            _stages[finished] = _stages.GetValueOrDefault(finished) + Stopwatch.GetElapsedTime(_stageStarted);
        _current = value.Stage;
        _stageStarted = Stopwatch.GetTimestamp();
    }

    public string Format() =>
        string.Join(", ", _stages.Select(stage => string.Create(
            CultureInfo.InvariantCulture, $"{stage.Key} {stage.Value.TotalMilliseconds:F0} ms")));
}
