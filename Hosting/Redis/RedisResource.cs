using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Redis;

/// <summary>A Redis server. Connection string: <c>host:port,password=…</c>.</summary>
public sealed class RedisResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public ParameterResource Password { get; } = password;

    public EndpointAnnotation Endpoint => this.GetEndpoint("tcp");

    public string GetConnectionString() => $"127.0.0.1:{Endpoint.AllocatedPort},password={Password.Value}";
}
