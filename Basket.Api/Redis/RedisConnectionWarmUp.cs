namespace Shop.Basket.Api.Redis;

/// <summary>Opens the Redis connection while the server starts, without waiting for it: a replica woken from zero by a
/// request then has its connection (one TCP, TLS and AUTH exchange) ready or nearly so when that request arrives.</summary>
internal sealed class RedisConnectionWarmUp(RedisClient redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.StartConnecting();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
