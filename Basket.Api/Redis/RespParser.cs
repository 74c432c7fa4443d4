using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Shop.Basket.Api.Redis;

/// <summary>Decodes RESP2 replies from whatever bytes have arrived so far. An incomplete reply consumes nothing, and is
/// parsed again from its start when more bytes arrive (replies here are small, so that costs little).</summary>
internal static class RespParser
{
    private const int MaxDepth = 8;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>Reads one complete reply from the start of <paramref name="buffer"/> and slices it off.</summary>
    /// <exception cref="InvalidDataException">The bytes are not RESP2: the connection cannot be trusted any more.</exception>
    public static bool TryParse(ref ReadOnlySequence<byte> buffer, out RedisReply reply)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!TryRead(ref reader, depth: 0, out reply))
        {
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private static bool TryRead(ref SequenceReader<byte> reader, int depth, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (!reader.TryRead(out var type) || !reader.TryReadTo(out ReadOnlySequence<byte> line, Crlf))
        {
            return false;
        }

        switch (type)
        {
            case (byte)'+':
                reply = RedisReply.SimpleString(Encoding.UTF8.GetString(line));
                return true;
            case (byte)'-':
                reply = RedisReply.Error(Encoding.UTF8.GetString(line));
                return true;
            case (byte)':':
                reply = RedisReply.FromInteger(ParseInteger(line));
                return true;
            case (byte)'$':
                return TryReadBulkString(ref reader, ParseInteger(line), out reply);
            case (byte)'*':
                return TryReadArray(ref reader, ParseInteger(line), depth, out reply);
            default:
                throw new InvalidDataException($"Unexpected RESP type byte 0x{type:x2}.");
        }
    }

    private static bool TryReadBulkString(ref SequenceReader<byte> reader, long length, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (length == -1)
        {
            return true;
        }

        if (length is < 0 or > 512 * 1024 * 1024)
        {
            throw new InvalidDataException($"Invalid bulk string length {length}.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var bytes = reader.UnreadSequence.Slice(0, length).ToArray();
        reader.Advance(length);
        if (!reader.IsNext(Crlf, advancePast: true))
        {
            throw new InvalidDataException("A bulk string does not end with CR LF.");
        }

        reply = RedisReply.BulkString(bytes);
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, long count, int depth, out RedisReply reply)
    {
        reply = RedisReply.Null;
        if (count == -1)
        {
            return true;
        }

        if (count is < 0 or > int.MaxValue || depth >= MaxDepth)
        {
            throw new InvalidDataException($"Invalid array of {count} elements at depth {depth}.");
        }

        // Not pre-sized from the count a peer sent, so a bogus count cannot allocate gigabytes.
        var items = new List<RedisReply>();
        for (var i = 0; i < count; i++)
        {
            if (!TryRead(ref reader, depth + 1, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        reply = RedisReply.Array([.. items]);
        return true;
    }

    private static long ParseInteger(ReadOnlySequence<byte> line)
    {
        Span<byte> copy = stackalloc byte[20];
        var digits = line.IsSingleSegment ? line.FirstSpan : line.Length <= copy.Length ? Copy(line, copy) : [];
        return Utf8Parser.TryParse(digits, out long value, out var consumed) && consumed == digits.Length && digits.Length > 0
            ? value
            : throw new InvalidDataException("A RESP length or integer is not a number.");
    }

    private static Span<byte> Copy(ReadOnlySequence<byte> line, Span<byte> destination)
    {
        line.CopyTo(destination);
        return destination[..(int)line.Length];
    }
}
