using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.LocalServers;

namespace Shop.Hosting.Redis;

public static class RedisLocalProcessExtensions
{
    /// <summary>Where no container runtime answers, runs <c>redis-server</c> from the machine's packages instead of
    /// the container: on loopback, with the resource's password, its data (append-only file) in the data folder.</summary>
    public static IResourceBuilder<RedisResource> RunAsLocalProcessWithoutContainerRuntime(this IResourceBuilder<RedisResource> redis)
    {
        if (!redis.RunsLocally())
        {
            return redis;
        }

        var program = PrerequisiteMissingException.Find("Redis", "redis-server", "redis-server");
        var process = redis.AddLocalServerProcess(program);
        var folder = process.Resource.DataDirectory;
        var configFile = Path.Combine(folder, "redis.conf");
        process.WithArgs(configFile).OnBeforeResourceStarted(async (_, _, cancellationToken) =>
        {
            // The password lives in a file only this user can read, never on a command line.
            var password = redis.Resource.PasswordParameter is { } parameter ? await parameter.GetValueAsync(cancellationToken) : null;
            await PrivateFile.WriteAsync(configFile, $"""
                bind 127.0.0.1
                port {await redis.Resource.Port.GetValueAsync(cancellationToken)}
                protected-mode yes
                daemonize no
                dir {folder}
                appendonly yes
                appendfsync everysec
                save ""
                {(password is null ? "" : $"requirepass \"{password}\"")}
                """, cancellationToken);
        });
        return redis;
    }
}
