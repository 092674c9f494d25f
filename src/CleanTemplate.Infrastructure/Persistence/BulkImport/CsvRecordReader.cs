using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace CleanTemplate.Infrastructure.Persistence.BulkImport;

/// <summary>
/// RFC 4180 records: fields separated by commas, records by CRLF, LF or a lone CR. A field in double quotes may hold
/// commas, line breaks and doubled quotes (<c>""</c>); a quote anywhere else is an error rather than a guess. Blank
/// lines are skipped. Physical lines are counted, so a record's line is right even after multi-line fields.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private const char Quote = '"';
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");

    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;

    public async IAsyncEnumerable<CsvRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await PeekAsync(cancellationToken) >= 0)
        {
            var lineNumber = _line;
            var fields = new List<string>();
            while (await ReadFieldAsync(fields, cancellationToken))
            {
            }

            if (fields is not [""])
                yield return new CsvRecord(lineNumber, fields);
        }
    }

    /// <summary>Adds the next field to <paramref name="fields"/>; true when a comma says another field of the record follows.</summary>
    private async ValueTask<bool> ReadFieldAsync(List<string> fields, CancellationToken cancellationToken)
    {
        _field.Clear();
        if (await PeekAsync(cancellationToken) == Quote)
        {
            await ReadQuotedAsync(fields.Count, cancellationToken);
            fields.Add(_field.ToString());
            return await NextAsync(cancellationToken) switch
            {
                ',' => true,
                '\r' or '\n' or -1 => false,
                _ => throw new CsvFormatException(_line, fields.Count - 1, "has text after its closing quote (double a quote inside a quoted field: \"\")"),
            };
        }

        while (true)
        {
            if (!await FillAsync(cancellationToken))
            {
                fields.Add(_field.ToString());
                return false;
            }

            if (!AppendUntil(UnquotedStops))
                continue;

            switch (await NextAsync(cancellationToken))
            {
                case ',':
                    fields.Add(_field.ToString());
                    return true;
                case Quote:
                    throw new CsvFormatException(_line, fields.Count, "has a quote inside an unquoted field (quote the whole field and double the quote: \"\")");
                default:
                    fields.Add(_field.ToString());
                    return false;
            }
        }
    }

    private async ValueTask ReadQuotedAsync(int fieldIndex, CancellationToken cancellationToken)
    {
        var startLine = _line;
        _position++;
        while (true)
        {
            if (!await FillAsync(cancellationToken))
                throw new CsvFormatException(startLine, fieldIndex, "has a quoted field that is never closed");

            if (!AppendUntil(QuotedStops))
                continue;

            var character = await NextAsync(cancellationToken);
            if (character != Quote)
                _field.Append((char)character);
            else if (await PeekAsync(cancellationToken) == Quote)
                _field.Append((char)await NextAsync(cancellationToken));
            else
                return;
        }
    }

    /// <summary>Appends the buffered text up to the next stop character to the field; false when the buffer ran out first.</summary>
    private bool AppendUntil(SearchValues<char> stops)
    {
        var pending = _buffer.AsSpan(_position, _length - _position);
        var stop = pending.IndexOfAny(stops);
        var taken = stop < 0 ? pending.Length : stop;
        _field.Append(pending[..taken]);
        _position += taken;
        return stop >= 0;
    }

    /// <summary>Consumes one character, counting a line at LF, and at a CR not followed by LF.</summary>
    private async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        var character = await PeekAsync(cancellationToken);
        if (character < 0)
            return character;
        _position++;
        if (character == '\n' || (character == '\r' && await PeekAsync(cancellationToken) != '\n'))
            _line++;
        return character;
    }

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken) =>
        await FillAsync(cancellationToken) ? _buffer[_position] : -1;

    /// <summary>False at the end of the text.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
            return true;
        _length = await reader.ReadAsync(_buffer, cancellationToken);
        _position = 0;
        return _length > 0;
    }
}
