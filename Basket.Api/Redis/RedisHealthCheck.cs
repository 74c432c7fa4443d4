using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.Basket.Api.Redis;

/// <summary>PING over the client's own connection: healthy when Redis answers, whatever the reason it does not.</summary>
public sealed class RedisHealthCheck(RedisClient redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (RedisException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {redis.Options} is unreachable: {ex.Message}", ex);
        }
    }
}
