namespace CleanTemplate.Application.Tags;

/// <summary>Recomputes the per-tag article counts (the tag_statistics read model), on a timer and on demand.</summary>
public interface ITagStatisticsJob
{
    /// <summary>Returns the number of tags whose statistics were written.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
