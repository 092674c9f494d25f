using System.Runtime.CompilerServices;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Groups a stream into batches that start small and double up to a limit. The database waits for the first batch to
/// be parsed and validated before it can do anything; a small one gets it started early, and the later, larger ones
/// keep the per-batch statements rare.
/// </summary>
internal static class Batches
{
    /// <summary>The size of the batch at <paramref name="index"/> (0-based).</summary>
    public static int SizeAt(int index, int first, int largest) =>
        index >= 31 ? largest : (int)Math.Min((long)first << index, largest);

    public static async IAsyncEnumerable<T[]> InBatchesAsync<T>(
        this IAsyncEnumerable<T> source,
        int first,
        int largest,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        var batch = new List<T>(first);
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            batch.Add(item);
            if (batch.Count < SizeAt(index, first, largest))
                continue;
            yield return [.. batch];
            batch = new List<T>(SizeAt(++index, first, largest));
        }

        if (batch.Count > 0)
            yield return [.. batch];
    }
}
