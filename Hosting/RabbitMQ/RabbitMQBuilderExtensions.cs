using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.RabbitMQ;

public static class RabbitMQBuilderExtensions
{
    /// <summary>Adds a RabbitMQ broker. Its password is the secret parameter <c>{name}-password</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", secret: true);
        var rabbit = new RabbitMQServerResource(name, password.Resource);
        return builder.AddResource(rabbit)
            .WithAnnotation(new EndpointAnnotation("tcp", "tcp", targetPort: 5672))
            .WithAnnotation(new EndpointAnnotation("management", "http", targetPort: 15672))
            .WithAnnotation(new ResourceRunnerAnnotation("RabbitMQ", context => RabbitMQRunners.Create(context, rabbit)))
            .WithAnnotation(new RabbitMQAzureDeployment(rabbit));
    }

    /// <summary>Declares that the resource consumes <paramref name="queueName"/> of <paramref name="broker"/>. Deployed,
    /// it may scale to zero: messages waiting in the queue start it again, a replica per
    /// <paramref name="messagesPerReplica"/> of them. A local run ignores it.</summary>
    public static IResourceBuilder<T> WithRabbitMQScaleRule<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<RabbitMQServerResource> broker, string queueName, int messagesPerReplica = 20)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerReplica, 1);
        return builder.WithAnnotation(new RabbitMQScaleRuleAnnotation(broker.Resource, queueName, messagesPerReplica));
    }
}
