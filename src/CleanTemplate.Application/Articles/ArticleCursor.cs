using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace CleanTemplate.Application.Articles;

/// <summary>
/// An opaque keyset position: the (created_at, id) of the last article on a page. The next page is everything
/// strictly after it in newest-first order, found by the index on (created_at DESC, id DESC) however deep the page.
/// </summary>
public sealed record ArticleCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out ArticleCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length != 32)
            return false;

        Span<byte> bytes = stackalloc byte[24];
        var base64 = text.Replace('-', '+').Replace('_', '/');
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 24)
            return false;

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;

        cursor = new ArticleCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..], bigEndian: true));
        return true;
    }
}
