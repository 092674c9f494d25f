using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// Runs a source on another thread while its consumer works: the file is parsed and validated on one core while the
/// other writes COPY. A channel of one item keeps the parser at most one item (a batch of rows) ahead, so memory stays
/// flat, and the first exception on either side stops both.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> ReadAheadAsync<T>(
        this IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
                yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task ProduceAsync<T>(
        IAsyncEnumerable<T> source,
        ChannelWriter<T> writer,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
                await writer.WriteAsync(item, cancellationToken);
            writer.Complete();
        }
#pragma warning disable CA1031 // not swallowed: handed to the consumer, which rethrows it from its read
        catch (Exception exception)
#pragma warning restore CA1031
        {
            writer.Complete(exception);
        }
    }
}
