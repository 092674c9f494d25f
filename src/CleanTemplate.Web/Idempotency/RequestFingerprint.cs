using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CleanTemplate.Web.Idempotency;

/// <summary>
/// Tells apart requests sent under the same idempotency key: SHA-256 over method, path and query, and body.
/// </summary>
internal static class RequestFingerprint
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads <paramref name="body"/> to its end in chunks, never holding all of it in memory.</summary>
    public static async Task<byte[]> ComputeAsync(
        string method, string pathAndQuery, Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Method and path are prefixed with their lengths, so no bytes can move between parts and keep the hash.
        AppendWithLength(hash, method);
        AppendWithLength(hash, pathAndQuery);

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                hash.AppendData(chunk, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return hash.GetHashAndReset();
    }

    private static void AppendWithLength(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
