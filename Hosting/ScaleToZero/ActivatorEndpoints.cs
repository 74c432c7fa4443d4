using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.LocalServers;

namespace Shop.Hosting.ScaleToZero;

/// <summary>Puts the activator between a service and its callers. The service's <c>http</c> endpoint, the one callers'
/// service discovery (<c>services__x__http__0</c>), the tests' clients and the dashboard's link name, is made
/// proxy-less and kept on its port (the launch profile's, such as 5101, or a free one when ports are randomized, as in
/// tests): the activator listens there. The service itself listens on an endpoint of its own that no caller is given,
/// so every call, service to service too, passes the activator and can wake it.</summary>
internal static class ActivatorEndpoints
{
    public static ScaleToZeroAnnotation Insert(IDistributedApplicationBuilder builder, ProjectResource project, bool randomizePorts)
    {
        var http = project.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == "http")
            ?? throw new DistributedApplicationException($"'{project.Name}' has no 'http' endpoint for the scale-to-zero activator to hold.");

        // A proxied endpoint is DCP's to listen on; a proxy-less one is nobody's, so the activator can take it. Its port
        // and target port must match (DCP's rule for proxy-less endpoints of executables).
        var port = randomizePorts || http.Port is null ? FreePorts.Next() : http.Port.Value;
        http.IsProxied = false;
        http.Port = port;
        http.TargetPort = port;

        var servicePort = FreePorts.Next();
        var service = new EndpointAnnotation(
            ProtocolType.Tcp, uriScheme: "http", name: ScaleToZeroAnnotation.ServiceEndpointName, port: servicePort, targetPort: servicePort,
            isExternal: false, isProxied: false)
        {
            ExcludeReferenceEndpoint = true,
        };
        project.Annotations.Add(service);

        // ASPNETCORE_URLS names the service's own endpoint only: the public one is the activator's.
        builder.CreateResourceBuilder(project).WithEndpointsInEnvironment(endpoint => endpoint != http);
        return new ScaleToZeroAnnotation(http, service, [.. project.Annotations.OfType<IQueueScaleRule>()]);
    }
}
