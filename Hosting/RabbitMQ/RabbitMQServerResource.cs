using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.RabbitMQ;

/// <summary>A RabbitMQ broker with the management plugin. Connection string: <c>amqp://user:pass@host:port</c>.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string UserName = "shop";

    public ParameterResource Password { get; } = password;

    public EndpointAnnotation Endpoint => this.GetEndpoint("tcp");

    /// <summary>The management HTTP API (KEDA's queue-length scaler reads it when deployed).</summary>
    public EndpointAnnotation ManagementEndpoint => this.GetEndpoint("management");

    public string GetConnectionString() => $"amqp://{UserName}:{Password.Value}@127.0.0.1:{Endpoint.AllocatedPort}";
}
