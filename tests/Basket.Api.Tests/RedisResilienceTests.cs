using System.Net;
using System.Net.Sockets;
using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Tests;

/// <summary>The client against a real redis-server that crashes, restarts or hangs.</summary>
public sealed class RedisResilienceTests
{
    [Fact]
    public async Task The_client_reconnects_by_itself_after_the_server_is_killed_and_restarted()
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret\nappendonly yes\nappendfsync always");
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},password=s3cret,asyncTimeout=1000");
        await client.ExecuteAsync(new RedisCommand("SET", "survivor", "still here"));

        await server.KillAsync();
        await Assert.ThrowsAnyAsync<RedisException>(() => client.PingAsync());
        await server.StartAsync();

        // The same client, no call to reconnect: its background loop finds the server again, logging in again on the way.
        var value = await RetryUntilConnectedAsync(() => client.ExecuteAsync(new RedisCommand("GET", "survivor")));
        Assert.Equal("still here", value.AsString());
    }

    [Fact]
    public async Task Commands_in_flight_when_the_server_dies_fail_as_connection_errors()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port}");
        await client.PingAsync();

        // Blocks on the server until it dies.
        var blocked = client.ExecuteAsync(new RedisCommand("BLPOP", "never-filled", "0"));
        await server.KillAsync();

        await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
    }

    [Fact]
    public async Task A_command_times_out_when_the_server_stops_answering_and_the_client_recovers_when_it_answers_again()
    {
        await using var server = await RedisServerProcess.StartAsync();
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},asyncTimeout=300");
        await client.PingAsync();

        await server.FreezeAsync();
        await Assert.ThrowsAsync<RedisTimeoutException>(() => client.PingAsync());
        await server.ThawAsync();

        await RetryUntilConnectedAsync(async () =>
        {
            await client.PingAsync();
            return RedisReply.Null;
        });
    }

    [Fact]
    public async Task Connecting_times_out_when_the_server_accepts_but_never_answers_the_TLS_handshake()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        // The command waits far longer than one connect attempt, so the attempt's timeout is on record by then even on a
        // loaded machine (with 1 s, CI once saw the command give up before the first attempt had failed).
        await using var client = RedisClientTests.Connect($"127.0.0.1:{port},ssl=true,connectTimeout=200,asyncTimeout=3000");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync());

        Assert.Contains("within 200 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_fails_as_a_connection_error_when_nothing_listens()
    {
        await using var client = RedisClientTests.Connect($"127.0.0.1:{ClosedPort.Find()},asyncTimeout=500");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync());

        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reconnection is asynchronous: a command right after the restart may still meet the backoff delay.</summary>
    private static async Task<RedisReply> RetryUntilConnectedAsync(Func<Task<RedisReply>> command)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                return await command();
            }
            catch (RedisException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }
}
