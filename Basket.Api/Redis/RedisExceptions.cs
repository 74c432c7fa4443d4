namespace Shop.Basket.Api.Redis;

/// <summary>Any failure of a Redis command. The subclasses say whether the server refused it, the connection failed, or
/// no reply came in time; none of their messages contains a password.</summary>
public abstract class RedisException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The server answered with an error reply (<c>-ERR …</c>, <c>-WRONGTYPE …</c>, <c>-NOSCRIPT …</c>).
/// The command reached the server: retrying the same command gets the same answer.</summary>
public class RedisServerException(string message) : RedisException(message)
{
    /// <summary>The error's first word, by Redis convention its kind: ERR, WRONGTYPE, NOSCRIPT, NOAUTH, WRONGPASS…</summary>
    public string ErrorCode { get; } = message.Split(' ', 2)[0];

    internal static RedisServerException From(string error) =>
        error.StartsWith("NOAUTH", StringComparison.Ordinal) || error.StartsWith("WRONGPASS", StringComparison.Ordinal)
            ? new RedisAuthenticationException(error)
            : new RedisServerException(error);
}

/// <summary>The server refused the credentials (<c>WRONGPASS</c>), or wants some (<c>NOAUTH</c>). Reconnecting does not
/// help until the configuration changes.</summary>
public sealed class RedisAuthenticationException(string message) : RedisServerException(message);

/// <summary>No connection, or it broke while the command was in flight. A command in flight may or may not have run.</summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null) : RedisException(message, innerException);

/// <summary>The server did not answer within the command timeout; the connection is replaced, and the command may or
/// may not have run.</summary>
public sealed class RedisTimeoutException(string message) : RedisException(message);
