using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.RabbitMQ;

/// <summary>The service consumes <paramref name="QueueName"/>: when deployed, messages waiting there start replicas
/// (KEDA's <c>rabbitmq</c> scaler, queue length read over the management API), one per
/// <paramref name="MessagesPerReplica"/> waiting messages.</summary>
public sealed record RabbitMQScaleRuleAnnotation(RabbitMQServerResource Broker, string QueueName, int MessagesPerReplica)
    : IResourceAnnotation;
