using System.Globalization;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Redis;

/// <summary>Runs redis-server on loopback with its config (and password) in a file only this user can read.</summary>
internal sealed class RedisLocalRunner(ResourceRunContext context, RedisResource redis, string redisServer) : LocalServerRunner
{

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(context.Directory, "data");
        Directory.CreateDirectory(dataDirectory);
        var configFile = Path.Combine(context.Directory, "redis.conf");
        var port = redis.Endpoint.AllocatedPort!.Value.ToString(CultureInfo.InvariantCulture);
        await PrivateFile.WriteAsync(configFile, $"""
            bind 127.0.0.1
            port {port}
            protected-mode yes
            daemonize no
            dir {dataDirectory}
            appendonly yes
            appendfsync everysec
            save ""
            requirepass "{redis.Password.Value}"
            """, cancellationToken);

        Server = await context.StartProcessAsync(new ChildProcessSpec(redisServer, [configFile]));
        await ServerReadiness.WaitUntilAsync(IsHealthyAsync, Server, TimeSpan.FromSeconds(30), cancellationToken);
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => RedisRunners.IsHealthyAsync(redis, cancellationToken);

    /// <summary>SIGTERM makes Redis flush its append-only file before it exits.</summary>
    protected override PosixSignalNumber StopSignal => PosixSignalNumber.Term;
}
