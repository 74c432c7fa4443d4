using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Shop.Basket.Api.Redis;

/// <summary>Encodes commands in RESP2: <c>*&lt;count&gt;\r\n</c>, then <c>$&lt;length&gt;\r\n&lt;bytes&gt;\r\n</c> per part.</summary>
internal static class RespWriter
{
    public static void Write(IBufferWriter<byte> output, RedisCommand command)
    {
        WriteHeader(output, (byte)'*', command.Arguments.Count + 1);
        WriteBulkString(output, command.Name);
        foreach (var argument in command.Arguments)
        {
            WriteBulkString(output, argument);
        }
    }

    private static void WriteBulkString(IBufferWriter<byte> output, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteHeader(output, (byte)'$', length);
        var span = output.GetSpan(length + 2);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        output.Advance(length + 2);
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte prefix, int number)
    {
        // A prefix, at most 10 digits, CR LF.
        var span = output.GetSpan(13);
        span[0] = prefix;
        Utf8Formatter.TryFormat(number, span[1..], out var digits);
        span[1 + digits] = (byte)'\r';
        span[2 + digits] = (byte)'\n';
        output.Advance(digits + 3);
    }
}
