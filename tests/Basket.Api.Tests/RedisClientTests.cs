using Microsoft.Extensions.Logging.Abstractions;
using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Tests;

/// <summary>The RESP client against a real redis-server: pipelining, replies, errors and scripts.</summary>
public sealed class RedisClientTests : IAsyncLifetime
{
    private RedisServerProcess? _server;
    private RedisClient? _client;

    private RedisClient Client => _client!;

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync("requirepass s3cret");
        _client = Connect($"127.0.0.1:{_server.Port},password=s3cret");
    }

    public async Task DisposeAsync()
    {
        await _client!.DisposeAsync();
        await _server!.DisposeAsync();
    }

    [Fact]
    public async Task Ten_thousand_pipelined_commands_each_get_their_own_reply_in_order()
    {
        const int count = 10_000;
        await Client.PingAsync();

        // Started without awaiting each other, so they are all in flight on the one connection together; on an open
        // connection, commands are sent in the order they are issued, so the counter also counts in that order.
        var replies = Enumerable.Range(0, count)
            .Select(i => i % 2 == 0
                ? Client.ExecuteAsync(new RedisCommand("ECHO", $"message {i}"))
                : Client.ExecuteAsync(new RedisCommand("INCR", "pipelined-counter")))
            .ToList();
        var results = await Task.WhenAll(replies);

        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Equal($"message {i}", results[i].AsString());
            }
            else
            {
                Assert.Equal((i + 1) / 2, results[i].AsInteger());
            }
        }
    }

    [Fact]
    public async Task Replies_of_every_kind_are_decoded()
    {
        await Client.ExecuteAsync(new RedisCommand("HSET", "kinds", "name", "Zoë's ✓ basket", "empty", ""));

        Assert.Equal(RedisReplyKind.SimpleString, (await Client.ExecuteAsync(new RedisCommand("PING"))).Kind);
        Assert.Equal(2, (await Client.ExecuteAsync(new RedisCommand("HLEN", "kinds"))).AsInteger());
        Assert.True((await Client.ExecuteAsync(new RedisCommand("GET", "no-such-key"))).IsNull);
        Assert.Equal(
            new Dictionary<string, string> { ["name"] = "Zoë's ✓ basket", ["empty"] = "" },
            await Client.HashGetAllAsync("kinds"));
        Assert.Empty(await Client.HashGetAllAsync("no-such-hash"));
    }

    [Fact]
    public async Task A_server_error_is_a_typed_exception_and_the_connection_carries_on()
    {
        await Client.ExecuteAsync(new RedisCommand("SET", "a-string", "x"));

        var error = await Assert.ThrowsAsync<RedisServerException>(() => Client.ExecuteAsync(new RedisCommand("HGETALL", "a-string")));

        Assert.Equal("WRONGTYPE", error.ErrorCode);
        await Client.PingAsync();
    }

    [Fact]
    public async Task An_array_holding_an_error_keeps_it_as_an_element()
    {
        var reply = await Client.ExecuteAsync(new RedisCommand("EVAL", "return {1, redis.error_reply('BAD element'), 'x'}", "0"));

        Assert.Equal(RedisReplyKind.Error, reply.Items[1].Kind);
        Assert.Equal("BAD element", reply.Items[1].Text);
    }

    [Fact]
    public async Task A_script_runs_by_its_hash_and_is_loaded_again_after_the_server_forgets_it()
    {
        var script = new RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");

        Assert.Equal(5, (await Client.EvaluateAsync(script, ["scripted"], ["5"])).AsInteger());
        await Client.ExecuteAsync(new RedisCommand("SCRIPT", "FLUSH"));
        Assert.Equal(7, (await Client.EvaluateAsync(script, ["scripted"], ["2"])).AsInteger());

        var cached = await Client.ExecuteAsync(new RedisCommand("SCRIPT", "EXISTS", script.Sha1));
        Assert.Equal(1, cached.Items[0].AsInteger());
    }

    [Fact]
    public async Task Time_to_live_is_read_in_milliseconds()
    {
        await Client.ExecuteAsync(new RedisCommand("SET", "expiring", "x", "EX", "100"));

        var ttl = await Client.TimeToLiveAsync("expiring");

        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(100));
        Assert.Null(await Client.TimeToLiveAsync("no-such-key"));
    }

    [Fact]
    public async Task A_large_value_crosses_many_socket_reads_intact()
    {
        var value = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + (i % 26))));
        await Client.ExecuteAsync(new RedisCommand("SET", "large", value));

        Assert.Equal(value, (await Client.ExecuteAsync(new RedisCommand("GET", "large"))).AsString());
    }

    internal static RedisClient Connect(string connectionString, Func<RedisConnectionOptions, RedisConnectionOptions>? configure = null)
    {
        var options = RedisConnectionOptions.Parse(connectionString);
        return new RedisClient(configure is null ? options : configure(options), NullLogger<RedisClient>.Instance);
    }
}
