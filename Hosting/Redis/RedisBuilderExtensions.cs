using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Redis;

public static class RedisBuilderExtensions
{
    /// <summary>Adds a Redis server with append-only persistence. Its password is the secret parameter <c>{name}-password</c>.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true);
        var redis = new RedisResource(name, password.Resource);
        return builder.AddResource(redis)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", targetPort: 6379))
            .WithAnnotation(new ResourceRunnerAnnotation("Redis", context => RedisRunners.Create(context, redis)))
            .WithAnnotation(new RedisAzureDeployment(redis));
    }
}
