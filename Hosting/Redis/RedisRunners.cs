using System.Net.Sockets;
using System.Text;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Containers;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Redis;

internal static class RedisRunners
{
    public static IResourceRunner Create(ResourceRunContext context, RedisResource redis)
    {
        if (context.ContainerEngine is { } engine)
        {
            var spec = new ContainerSpec("redis:7.4", new Dictionary<int, int> { [redis.Endpoint.AllocatedPort!.Value] = 6379 })
            {
                Environment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = redis.Password.Value },
                DataPath = "/data",
                Arguments = ["sh", "-c", "exec redis-server --appendonly yes --requirepass \"$REDIS_PASSWORD\""],
            };
            return new ContainerRunner(context, engine, spec, ct => IsHealthyAsync(redis, ct));
        }

        var server = LocalPrograms.Find("redis-server")
            ?? throw new PrerequisiteMissingException("Redis", ["redis-server"], "redis-server");
        return new RedisLocalRunner(context, redis, server);
    }

    /// <summary>AUTH then PING over a fresh connection: healthy when the server answers +OK and +PONG.</summary>
    public static async Task<bool> IsHealthyAsync(RedisResource redis, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", redis.Endpoint.AllocatedPort!.Value, cancellationToken);
        var stream = client.GetStream();
        var password = redis.Password.Value;
        var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);
        var buffer = new byte[64];
        var received = new StringBuilder();
        while (!received.ToString().Contains("\r\n+PONG\r\n", StringComparison.Ordinal) && received.Length < 512)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (received.ToString().StartsWith('-'))
            {
                return false;
            }
        }

        return received.ToString() == "+OK\r\n+PONG\r\n";
    }
}
