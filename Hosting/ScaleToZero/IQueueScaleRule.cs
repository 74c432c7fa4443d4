using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;

namespace Shop.Hosting.ScaleToZero;

/// <summary>A scale rule on the length of a queue (a RabbitMQ queue, a storage queue): deployed, KEDA polls it; locally,
/// the scale-to-zero mode asks the same server the same question (<see cref="IQueueLengths"/>).</summary>
public interface IQueueScaleRule : IAzureScaleRuleAnnotation
{
    /// <summary>The server that holds the queue.</summary>
    IResourceWithConnectionString Server { get; }

    string QueueName { get; }
}
