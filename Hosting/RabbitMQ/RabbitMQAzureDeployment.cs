using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.RabbitMQ;

/// <summary>The broker as a container app that never scales to zero: it holds the messages that wake the services.
/// AMQP is an internal TCP port, which the services and the KEDA scale rules reach by the app's internal FQDN.
/// One replica, and its data on the replica's own disk: Container Apps starts a new revision's replica before it stops
/// the old one and has no stop-first mode, so a shared volume would have two brokers writing one store. Each replica
/// starts from an empty store, so the password the deployment passes is the one the broker sets up, every time.</summary>
internal sealed class RabbitMQAzureDeployment(RabbitMQServerResource rabbit) : AzureResourceDeployment
{
    // Not "guest", Aspire's local default: RabbitMQ admits guest from localhost only, and the deployed broker is reached
    // over the network by the services and by the scale rules.
    private const string UserName = "shop";

    // The broker sizes its memory alarm from the machine's memory, not the container's: tell it the container's.
    private const long MemoryBytes = 1L << 30;

    public override void AddTo(AzureDeployment deployment)
    {
        var port = TargetPort(rabbit.PrimaryEndpoint);
        var app = new ContainerAppModule(deployment, rabbit.Name)
        {
            Ingress = new BicepObject
            {
                ["external"] = false,
                ["transport"] = "tcp",
                ["targetPort"] = port,
                ["exposedPort"] = port,
            },
            MinReplicas = 1,
            MaxReplicas = 1,
            Size = ("0.5", "1Gi"),
        };
        app.Image = app.Module.Pass("image", "string", deployment.Environment.ImportedImage(Image()));
        app.PullFromProjectRegistry(deployment);

        app.SetEnvironment("RABBITMQ_DEFAULT_USER", new(UserName, IsSecret: false));
        app.SetEnvironment("RABBITMQ_DEFAULT_PASS", deployment.Render(rabbit.PasswordParameter));
        app.SetEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", new(
            $"-rabbit total_memory_available_override_value {MemoryBytes.ToString(CultureInfo.InvariantCulture)}", IsSecret: false));

        app.Probes = new BicepArray
        {
            TcpProbe("Startup", port, periodSeconds: 5, failureThreshold: 10, initialDelaySeconds: 10),
            TcpProbe("Readiness", port, periodSeconds: 10, failureThreshold: 3),
            TcpProbe("Liveness", port, periodSeconds: 30, failureThreshold: 3),
        };

        var resource = app.Complete();
        // The environment-internal FQDN (<app>.internal.<environment domain>): the KEDA scaler runs outside the apps'
        // network namespace, where an app's short name is not known (microsoft/azure-container-apps#547, #1494).
        app.Module.Output("host", "string", resource.Member("properties").Member("configuration").Member("ingress").Member("fqdn"));
        deployment.AddModule(rabbit, app.Module);
    }

    public override BicepValue GetConnectionString(AzureDeployment deployment) => AmqpUrl(deployment, rabbit);

    /// <summary><c>amqp://shop:…@{internal FQDN}:5672</c>: how the services connect, and how KEDA's RabbitMQ scaler
    /// reads queue lengths (its AMQP protocol, a passive queue declare, needs no management plugin).</summary>
    internal static BicepExpression AmqpUrl(AzureDeployment deployment, RabbitMQServerResource rabbit) =>
        BicepExpression.Interpolate(
            $"amqp://{UserName}:", deployment.Parameter(rabbit.PasswordParameter),
            "@", deployment.ModuleOutput(rabbit, "host"),
            $":{TargetPort(rabbit.PrimaryEndpoint).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The image the model runs locally (Aspire's choice of a supported RabbitMQ 4), by its full name.</summary>
    private string Image()
    {
        var image = rabbit.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new InvalidOperationException($"'{rabbit.Name}' names no container image.");
        return $"{image.Registry ?? "docker.io"}/{image.Image}:{image.Tag ?? "latest"}";
    }

    private static int TargetPort(EndpointReference endpoint) =>
        endpoint.TargetPort ?? throw new InvalidOperationException($"Endpoint '{endpoint.EndpointName}' has no target port to deploy with.");

    private static BicepObject TcpProbe(string type, int port, int periodSeconds, int failureThreshold, int? initialDelaySeconds = null)
    {
        var probe = new BicepObject
        {
            ["type"] = type,
            ["tcpSocket"] = new BicepObject { ["port"] = port },
            ["periodSeconds"] = periodSeconds,
            ["failureThreshold"] = failureThreshold,
        };
        if (initialDelaySeconds is { } delay)
        {
            probe["initialDelaySeconds"] = delay;
        }

        return probe;
    }
}
