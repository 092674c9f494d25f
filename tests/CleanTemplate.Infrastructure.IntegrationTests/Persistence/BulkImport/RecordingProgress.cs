namespace CleanTemplate.Infrastructure.IntegrationTests.Persistence.BulkImport;

/// <summary>
/// Records reports synchronously, in order (<see cref="Progress{T}"/> posts them to the thread pool, out of order),
/// and lets a test act at a given report.
/// </summary>
internal sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
