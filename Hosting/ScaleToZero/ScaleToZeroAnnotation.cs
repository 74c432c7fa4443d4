using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.ScaleToZero;

/// <summary>The service scales to zero in this run: callers reach it on <see cref="Public"/> (its stable port, held by
/// the activator in the app host), the service itself listens on <see cref="Service"/>, and messages waiting in
/// <see cref="Queues"/> wake it as they wake it when deployed.</summary>
public sealed class ScaleToZeroAnnotation(EndpointAnnotation @public, EndpointAnnotation service, IReadOnlyList<IQueueScaleRule> queues)
    : IResourceAnnotation
{
    /// <summary>The name of the endpoint the service itself listens on, behind the activator.</summary>
    public const string ServiceEndpointName = "scale-to-zero-target";

    /// <summary>The state the dashboard shows for a service stopped for being idle.</summary>
    public const string ScaledToZeroState = "Scaled to zero";

    /// <summary>The resource property (in the dashboard's details) counting the service's wakes in this run.</summary>
    public const string WakesProperty = "scale-to-zero.wakes";

    /// <summary>The resource property telling when and why the service last woke, and how long it took.</summary>
    public const string LastWakeProperty = "scale-to-zero.last-wake";

    public EndpointAnnotation Public { get; } = @public;

    public EndpointAnnotation Service { get; } = service;

    public IReadOnlyList<IQueueScaleRule> Queues { get; } = queues;
}
