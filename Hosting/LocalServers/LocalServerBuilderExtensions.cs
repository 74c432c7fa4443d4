using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.Hosting.LocalServers;

/// <summary>Turns one of Aspire's server containers into a local process when no container runtime answers. The server
/// resource stays Aspire's own (its connection string, health check, databases and parameters unchanged), so services
/// and tests cannot tell the difference; only what runs it changes.</summary>
public static class LocalServerBuilderExtensions
{
    /// <summary>Loopback only; an address rather than "localhost", so no client tries ::1 first.</summary>
    private const string Loopback = "127.0.0.1";

    /// <summary>True when <paramref name="server"/> should run as a local process: the app host runs (rather than
    /// publishes) and no container runtime answers.</summary>
    internal static bool RunsLocally<T>(this IResourceBuilder<T> server) where T : ContainerResource =>
        server.ApplicationBuilder.ExecutionContext.IsRunMode && !ContainerRuntime.Answers;

    /// <summary>Removes the server's container, gives each of its endpoints a fixed free loopback port, and adds the
    /// process (<paramref name="command"/>) that serves it, whose state the server and its databases mirror.</summary>
    internal static IResourceBuilder<LocalServerProcessResource> AddLocalServerProcess<T>(this IResourceBuilder<T> server, string command)
        where T : ContainerResource
    {
        var app = server.ApplicationBuilder;
        var root = app.Configuration[LocalServerOptions.DataPathKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : LocalServerOptions.DefaultDataPath;
        var directory = PrivateFile.CreateDirectory(Path.Combine(root, server.Resource.Name));

        foreach (var annotation in server.Resource.Annotations.Where(IsContainerOnly).ToList())
        {
            server.Resource.Annotations.Remove(annotation);
        }

        // DCP allocates endpoints only for what it runs; the server is no longer among them, so its ports are fixed
        // here, before anything resolves a connection string.
        foreach (var endpoint in server.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            var port = endpoint.Port ?? FreePorts.Next();
            endpoint.IsProxied = false;
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.TargetHost = Loopback;
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, Loopback, port);
        }

        if (!app.Resources.OfType<LocalServerProcessResource>().Any())
        {
            MarkServiceProcesses(app, root);
        }

        var process = app.AddResource(new LocalServerProcessResource($"{server.Resource.Name}-server", command, directory))
            .WithParentRelationship(server)
            .WithEnvironment(LocalServerOptions.ProcessMarkerVariable, root)
            .ExcludeFromManifest();

        server.OnInitializeResource((resource, initialize, cancellationToken) =>
            MirrorProcessStateAsync(resource, process.Resource, initialize, cancellationToken));
        return process;
    }

    /// <summary>Gives the services the marker the server processes carry, so that every process of one app host can be
    /// found in /proc (by an operator, or by the tests that check none outlives the app host).</summary>
    private static void MarkServiceProcesses(IDistributedApplicationBuilder app, string root) =>
        app.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            foreach (var project in start.Model.Resources.OfType<ProjectResource>())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(LocalServerOptions.ProcessMarkerVariable, () => root));
            }

            return Task.CompletedTask;
        });

    /// <summary>Everything only a container runtime can use: the image, volumes, container arguments and lifetime.</summary>
    private static bool IsContainerOnly(IResourceAnnotation annotation) =>
        annotation is ContainerImageAnnotation or ContainerMountAnnotation or CommandLineArgsCallbackAnnotation
            or ContainerLifetimeAnnotation or ContainerNameAnnotation;

    /// <summary>Publishes what Aspire publishes for a container it runs: the connection strings once they are known, and
    /// the state of the process as the server's (and its databases') own, so <c>WaitFor</c>, health checks and the
    /// dashboard treat the server as running exactly when its process is.</summary>
    private static async Task MirrorProcessStateAsync(IResource server, LocalServerProcessResource process, InitializeResourceEvent initialize, CancellationToken cancellationToken)
    {
        var model = initialize.Services.GetRequiredService<DistributedApplicationModel>();
        IResource[] mirrored =
        [
            server,
            .. model.Resources.Where(r => r is IResourceWithParent child && child.Parent == server),
        ];

        foreach (var resource in mirrored.OfType<IResourceWithConnectionString>())
        {
            await initialize.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, initialize.Services), cancellationToken);
        }

        await foreach (var update in initialize.Notifications.WatchAsync(cancellationToken))
        {
            if (update.Resource != process)
            {
                continue;
            }

            foreach (var resource in mirrored)
            {
                await initialize.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
                {
                    State = update.Snapshot.State,
                    StartTimeStamp = update.Snapshot.StartTimeStamp,
                    StopTimeStamp = update.Snapshot.StopTimeStamp,
                    ExitCode = update.Snapshot.ExitCode,
                });
            }
        }
    }
}
