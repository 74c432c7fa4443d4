using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.RabbitMQ;

public static class RabbitMQScaleRuleExtensions
{
    /// <summary>Declares that the resource consumes <paramref name="queueName"/> of <paramref name="broker"/>. Deployed,
    /// it may scale to zero: messages waiting in the queue start it again, a replica per
    /// <paramref name="messagesPerReplica"/> of them. Aspire has no scale-rule API (microsoft/aspire#1336); the azd
    /// publisher reads this annotation.</summary>
    public static IResourceBuilder<T> WithRabbitMQScaleRule<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<RabbitMQServerResource> broker, string queueName, int messagesPerReplica = 20)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        ArgumentOutOfRangeException.ThrowIfLessThan(messagesPerReplica, 1);
        return builder.WithAnnotation(new RabbitMQScaleRuleAnnotation(broker.Resource, queueName, messagesPerReplica));
    }
}
