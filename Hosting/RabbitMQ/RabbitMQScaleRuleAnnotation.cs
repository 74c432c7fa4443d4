using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.ScaleToZero;

namespace Shop.Hosting.RabbitMQ;

/// <summary>The service consumes <paramref name="QueueName"/>: when deployed, messages waiting there start replicas
/// (KEDA's <c>rabbitmq</c> scaler, queue length read over AMQP), one per
/// <paramref name="MessagesPerReplica"/> waiting messages.</summary>
public sealed record RabbitMQScaleRuleAnnotation(RabbitMQServerResource Broker, string QueueName, int MessagesPerReplica)
    : IQueueScaleRule
{
    public IResourceWithConnectionString Server => Broker;

    public AzureScaleRule ToScaleRule(AzureDeployment deployment) => new(
        Name: $"queue-{BicepNames.SecretName(QueueName)}",
        Type: "rabbitmq",
        Metadata:
        [
            new("queueName", QueueName),
            new("mode", "QueueLength"),
            new("value", MessagesPerReplica.ToString(CultureInfo.InvariantCulture)),
            new("protocol", "amqp"),
        ],
        Authentication:
        [
            new ScaleRuleSecret("host", $"{Broker.Name}-amqp-url", RabbitMQAzureDeployment.AmqpUrl(deployment, Broker)),
        ]);
}
