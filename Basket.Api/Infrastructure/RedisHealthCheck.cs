using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>Opens a connection and sends AUTH (when there is a password) and PING, expecting +OK and +PONG; the
/// registration's timeout bounds it. A new connection per probe is fine for now: the basket's own Redis client, when it
/// comes, will hold one, and this check can then PING over it.</summary>
public sealed class RedisHealthCheck(RedisConnectionOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await PingAsync(context.Registration.FailureStatus, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or AuthenticationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {options} is unreachable: {ex.Message}", ex);
        }
    }

    private async Task<HealthCheckResult> PingAsync(HealthStatus failureStatus, CancellationToken cancellationToken)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(options.Host, options.Port, cancellationToken);
        await using var stream = await OpenStreamAsync(client, cancellationToken);

        // Both commands in one write; the replies come back in order.
        await stream.WriteAsync(BuildRequest(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);

        if (options.Password is not null)
        {
            var auth = await reader.ReadLineAsync(cancellationToken);
            if (auth != "+OK")
            {
                return new HealthCheckResult(failureStatus, $"Redis at {options} refused AUTH: {auth}");
            }
        }

        var pong = await reader.ReadLineAsync(cancellationToken);
        return pong == "+PONG"
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(failureStatus, $"Redis at {options} answered PING with: {pong}");
    }

    private async Task<Stream> OpenStreamAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var network = client.GetStream();
        if (!options.Ssl)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, cancellationToken);
        return tls;
    }

    private byte[] BuildRequest()
    {
        var request = new StringBuilder();
        if (options.Password is not null)
        {
            AppendCommand(request, "AUTH", options.Password);
        }

        AppendCommand(request, "PING");
        return Encoding.UTF8.GetBytes(request.ToString());
    }

    /// <summary>A RESP array of bulk strings, the form every Redis command takes.</summary>
    private static void AppendCommand(StringBuilder request, params string[] arguments)
    {
        request.Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }
    }
}
