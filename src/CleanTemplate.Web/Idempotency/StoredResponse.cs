using System.Text;

namespace CleanTemplate.Web.Idempotency;

/// <summary>
/// What a request answered, as much of it as a replay repeats: status, body and the headers that matter. The store
/// keeps it as the opaque bytes of <see cref="Encode"/>.
/// </summary>
internal sealed record StoredResponse(int StatusCode, byte[] Body, string? ContentType, string? Location)
{
    public byte[] Encode()
    {
        using var head = new MemoryStream();
        using (var writer = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(StatusCode);
            WriteOptional(writer, ContentType);
            WriteOptional(writer, Location);
        }

        return [.. head.GetBuffer().AsSpan(0, (int)head.Length), .. Body];
    }

    public static StoredResponse Decode(byte[] encoded)
    {
        using var reader = new BinaryReader(new MemoryStream(encoded), Encoding.UTF8);
        var statusCode = reader.ReadInt32();
        var contentType = ReadOptional(reader);
        var location = ReadOptional(reader);
        return new StoredResponse(statusCode, encoded[(int)reader.BaseStream.Position..], contentType, location);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
