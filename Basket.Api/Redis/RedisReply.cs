using System.Globalization;
using System.Text;

namespace Shop.Basket.Api.Redis;

public enum RedisReplyKind
{
    SimpleString,
    Error,
    /// <summary>A RESP integer (<c>:42</c>).</summary>
    Number,
    BulkString,
    Array,
    Null,
}

/// <summary>One RESP2 reply. Bulk strings stay bytes (Redis strings are binary) until a caller asks for text. An error
/// reply arrives as a <see cref="RedisServerException"/> instead, unless it is an element of an array.</summary>
public sealed class RedisReply
{
    public static readonly RedisReply Null = new(RedisReplyKind.Null);

    private RedisReply(RedisReplyKind kind) => Kind = kind;

    public RedisReplyKind Kind { get; private init; }

    public long Number { get; private init; }

    /// <summary>The text of a simple string or an error; null otherwise.</summary>
    public string? Text { get; private init; }

    public byte[]? Bytes { get; private init; }

    public IReadOnlyList<RedisReply> Items { get; private init; } = [];

    public bool IsNull => Kind == RedisReplyKind.Null;

    public static RedisReply SimpleString(string text) => new(RedisReplyKind.SimpleString) { Text = text };

    public static RedisReply Error(string text) => new(RedisReplyKind.Error) { Text = text };

    public static RedisReply FromInteger(long value) => new(RedisReplyKind.Number) { Number = value };

    public static RedisReply BulkString(byte[] bytes) => new(RedisReplyKind.BulkString) { Bytes = bytes };

    public static RedisReply Array(RedisReply[] items) => new(RedisReplyKind.Array) { Items = items };

    /// <summary>A simple or bulk string as text (UTF-8), an integer in invariant digits, or null for a null reply.</summary>
    public string? AsString() => Kind switch
    {
        RedisReplyKind.SimpleString or RedisReplyKind.Error => Text,
        RedisReplyKind.BulkString => Encoding.UTF8.GetString(Bytes!),
        RedisReplyKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        RedisReplyKind.Null => null,
        _ => throw Unexpected("a string"),
    };

    public long AsInteger() => Kind == RedisReplyKind.Number ? Number : throw Unexpected("an integer");

    public override string ToString() => Kind switch
    {
        RedisReplyKind.Array => $"[{string.Join(", ", Items)}]",
        RedisReplyKind.Null => "(nil)",
        _ => AsString() ?? "",
    };

    private InvalidOperationException Unexpected(string expected) => new($"Expected {expected} reply from Redis, got {Kind}.");
}
