using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Shop.Basket.Api.Redis;

/// <summary>Where Redis is and how to log in, parsed from the connection string Aspire and Azure hand out:
/// <c>host:port[,user=…][,password=…][,ssl=true][,connectTimeout=ms][,asyncTimeout=ms]</c>.</summary>
public sealed record RedisConnectionOptions(string Host, int Port, string? Password, bool Ssl)
{
    public const int DefaultPort = 6379;
    public const int DefaultSslPort = 6380;

    /// <summary>The ACL user (Redis 6+); null logs in as the default user with <see cref="Password"/> alone.</summary>
    public string? User { get; init; }

    /// <summary>TCP connect, TLS handshake and AUTH together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command may wait for its reply, including the wait for a connection while reconnecting.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A private certificate authority to trust for TLS instead of the machine's store (never part of the
    /// connection string: managed Redis offerings use publicly trusted certificates).</summary>
    public X509Certificate2? TrustedRootCertificate { get; init; }

    public static RedisConnectionOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Contains('=', StringComparison.Ordinal))
        {
            throw Invalid("it must start with host:port");
        }

        string? user = null;
        string? password = null;
        var ssl = false;
        var connectTimeout = TimeSpan.FromSeconds(5);
        var commandTimeout = TimeSpan.FromSeconds(5);
        foreach (var option in parts.AsSpan(1))
        {
            var separator = option.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw Invalid($"'{option}' is not a key=value option");
            }

            // Split at the first '=' only: base64 passwords end in '='.
            var value = option[(separator + 1)..].Trim();
            switch (option[..separator].Trim().ToUpperInvariant())
            {
                case "USER":
                    user = value;
                    break;
                case "PASSWORD":
                    password = value;
                    break;
                case "SSL":
                    ssl = bool.TryParse(value, out var enabled) ? enabled : throw Invalid($"ssl must be true or false, not '{value}'");
                    break;
                case "CONNECTTIMEOUT":
                    connectTimeout = ParseMilliseconds("connectTimeout", value);
                    break;
                case "ASYNCTIMEOUT":
                    commandTimeout = ParseMilliseconds("asyncTimeout", value);
                    break;
                default:
                    // Other StackExchange.Redis options (abortConnect, syncTimeout…) do not apply here; accepting them
                    // lets the connection strings of managed Redis offerings parse unchanged.
                    break;
            }
        }

        var (host, port) = ParseEndpoint(parts[0], ssl ? DefaultSslPort : DefaultPort);
        return new RedisConnectionOptions(host, port, password, ssl)
        {
            User = user,
            ConnectTimeout = connectTimeout,
            CommandTimeout = commandTimeout,
        };
    }

    /// <summary>Never shows the password: this ends up in logs, exceptions and health reports.</summary>
    public override string ToString() => Ssl ? $"{Host}:{Port} (TLS)" : $"{Host}:{Port}";

    /// <summary><c>host</c>, <c>host:port</c>, or <c>[IPv6]:port</c>.</summary>
    private static (string Host, int Port) ParseEndpoint(string endpoint, int defaultPort)
    {
        string host;
        string? port = null;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            var rest = close < 0 ? "" : endpoint[(close + 1)..];
            if (close < 0 || (rest.Length > 0 && !rest.StartsWith(':')))
            {
                throw Invalid($"'{endpoint}' is not a valid [IPv6]:port endpoint");
            }

            host = endpoint[1..close];
            port = rest.Length > 0 ? rest[1..] : null;
        }
        else
        {
            var colon = endpoint.IndexOf(':', StringComparison.Ordinal);
            if (colon != endpoint.LastIndexOf(':'))
            {
                throw Invalid($"'{endpoint}' has more than one ':'; write an IPv6 address as [address]:port");
            }

            host = colon < 0 ? endpoint : endpoint[..colon];
            port = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw Invalid("the host is empty");
        }

        if (port is null)
        {
            return (host, defaultPort);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw Invalid($"the port '{port}' is not a number between 1 and 65535");
    }

    private static TimeSpan ParseMilliseconds(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw Invalid($"{name} must be a positive number of milliseconds, not '{value}'");

    private static FormatException Invalid(string reason) =>
        new($"The Redis connection string is not valid: {reason}. Expected host:port[,password=…][,ssl=true].");
}
