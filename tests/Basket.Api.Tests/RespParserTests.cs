using System.Buffers;
using System.Text;
using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Tests;

public sealed class RespParserTests
{
    private const string Replies = "*5\r\n+OK\r\n:-42\r\n$6\r\nh\r\nllo\r\n*2\r\n$-1\r\n*0\r\n-ERR nested\r\n";

    [Fact]
    public void A_reply_split_anywhere_is_read_only_once_complete()
    {
        var bytes = Encoding.UTF8.GetBytes(Replies);
        for (var length = 0; length < bytes.Length; length++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, length);
            Assert.False(RespParser.TryParse(ref partial, out _), $"parsed after {length} bytes");
        }

        var complete = new ReadOnlySequence<byte>(bytes);
        Assert.True(RespParser.TryParse(ref complete, out var reply));
        Assert.Equal(0, complete.Length);
        Assert.Equal("[OK, -42, h\r\nllo, [(nil), []], ERR nested]", reply.ToString());
        Assert.Equal(RedisReplyKind.Error, Single("-ERR x\r\n").Kind);
    }

    [Fact]
    public void Consecutive_replies_are_read_one_at_a_time()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("+PONG\r\n:1\r\n"));

        Assert.True(RespParser.TryParse(ref buffer, out var first));
        Assert.True(RespParser.TryParse(ref buffer, out var second));

        Assert.Equal("PONG", first.AsString());
        Assert.Equal(1, second.AsInteger());
        Assert.False(RespParser.TryParse(ref buffer, out _));
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData("$-7\r\n")]
    public void Bytes_that_are_not_RESP_are_rejected(string bytes)
    {
        Assert.Throws<InvalidDataException>(() => Single(bytes));
    }

    private static RedisReply Single(string text)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
        return RespParser.TryParse(ref buffer, out var reply) ? reply : throw new InvalidOperationException("incomplete");
    }
}
