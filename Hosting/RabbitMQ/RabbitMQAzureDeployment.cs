using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.RabbitMQ;

/// <summary>The broker as a container app that never scales to zero: it holds the messages that wake the services.
/// AMQP and the management API are internal TCP ports; its data lives on an Azure Files share.</summary>
internal sealed class RabbitMQAzureDeployment(RabbitMQServerResource rabbit) : AzureResourceDeployment
{
    // The same broker as a local container run, from the platform's default registry.
    private const string Image = "rabbitmq:3.13-management";

    // The image's rabbitmq user: the share is mounted as that user, as the broker refuses files it does not own.
    private const string BrokerUserId = "999";

    // Not "guest", Aspire's local default: RabbitMQ admits guest from localhost only, and the deployed broker is reached
    // over the network by the services and by the scale rules.
    private const string UserName = "shop";

    // The broker sizes its memory alarm from the machine's memory, not the container's: tell it the container's.
    private const long MemoryBytes = 1L << 30;

    public override void AddTo(AzureDeployment deployment)
    {
        var app = new ContainerAppModule(deployment, rabbit.Name)
        {
            Image = Image,
            Ingress = new BicepObject
            {
                ["external"] = false,
                ["transport"] = "tcp",
                ["targetPort"] = TargetPort(rabbit.PrimaryEndpoint),
                ["exposedPort"] = TargetPort(rabbit.PrimaryEndpoint),
                ["additionalPortMappings"] = new BicepArray
                {
                    new BicepObject
                    {
                        ["external"] = false,
                        ["targetPort"] = TargetPort(rabbit.ManagementEndpoint),
                        ["exposedPort"] = TargetPort(rabbit.ManagementEndpoint),
                    },
                },
            },
            MinReplicas = 1,
            // One broker owns the data folder: a second replica would corrupt it.
            MaxReplicas = 1,
            Size = ("0.5", "1Gi"),
        };
        var storageName = AddDataShare(deployment, app);

        app.SetEnvironment("RABBITMQ_DEFAULT_USER", new(UserName, IsSecret: false));
        app.SetEnvironment("RABBITMQ_DEFAULT_PASS", deployment.Render(rabbit.PasswordParameter));
        // The data folder is named after the node: a fixed name finds it again on every new replica.
        app.SetEnvironment("RABBITMQ_NODENAME", new("rabbit@localhost", IsSecret: false));
        app.SetEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", new(
            $"-rabbit total_memory_available_override_value {MemoryBytes.ToString(CultureInfo.InvariantCulture)}", IsSecret: false));

        var port = TargetPort(rabbit.PrimaryEndpoint);
        app.Probes = new BicepArray
        {
            TcpProbe("Startup", port, periodSeconds: 5, failureThreshold: 10, initialDelaySeconds: 10),
            TcpProbe("Readiness", port, periodSeconds: 10, failureThreshold: 3),
            TcpProbe("Liveness", port, periodSeconds: 30, failureThreshold: 3),
        };
        app.VolumeMounts.Add(new BicepObject { ["volumeName"] = "data", ["mountPath"] = "/var/lib/rabbitmq/mnesia" });
        app.Volumes.Add(new BicepObject
        {
            ["name"] = "data",
            ["storageType"] = "AzureFile",
            ["storageName"] = storageName,
            ["mountOptions"] = $"uid={BrokerUserId},gid={BrokerUserId},dir_mode=0700,file_mode=0600",
        });

        var resource = app.Complete();
        app.Module.Output("host", "string", resource.Member("name"));
        deployment.AddModule(rabbit, app.Module);
    }

    public override BicepValue GetConnectionString(AzureDeployment deployment) => Url(deployment, rabbit, "amqp", rabbit.PrimaryEndpoint);

    /// <summary>The management API with credentials, as KEDA's RabbitMQ scaler reads queue lengths from it.</summary>
    internal static BicepExpression ManagementUrl(AzureDeployment deployment, RabbitMQServerResource rabbit) =>
        Url(deployment, rabbit, "http", rabbit.ManagementEndpoint);

    private static BicepExpression Url(AzureDeployment deployment, RabbitMQServerResource rabbit, string scheme, EndpointReference endpoint) =>
        BicepExpression.Interpolate(
            $"{scheme}://{UserName}:", deployment.Parameter(rabbit.PasswordParameter),
            "@", deployment.ModuleOutput(rabbit, "host"),
            $":{TargetPort(endpoint).ToString(CultureInfo.InvariantCulture)}");

    /// <summary>An Azure Files share, registered with the environment under the broker's name, for its data folder.</summary>
    private BicepExpression AddDataShare(AzureDeployment deployment, ContainerAppModule app)
    {
        var module = app.Module;
        var environmentName = module.Pass("environmentName", "string", deployment.Environment.EnvironmentName);
        // Storage account names allow 3 to 24 lower-case letters and digits.
        var storageName = module.Pass("storageName", "string", new BicepExpression(
            $"take({BicepExpression.Interpolate($"st{rabbit.Name.Replace("-", "", StringComparison.Ordinal)}", deployment.ResourceToken)}, 24)"));

        var storage = module.File.Add(new BicepResource("storage", "Microsoft.Storage/storageAccounts@2023-05-01", new BicepObject
        {
            ["name"] = storageName,
            ["location"] = module.Location,
            ["tags"] = module.Tags,
            ["kind"] = "StorageV2",
            ["sku"] = new BicepObject { ["name"] = "Standard_LRS" },
            ["properties"] = new BicepObject
            {
                ["minimumTlsVersion"] = "TLS1_2",
                ["allowBlobPublicAccess"] = false,
                ["supportsHttpsTrafficOnly"] = true,
                // The environment mounts the share over SMB with the account key.
                ["allowSharedKeyAccess"] = true,
            },
        }));
        var files = module.File.Add(new BicepResource("files", "Microsoft.Storage/storageAccounts/fileServices@2023-05-01", new BicepObject
        {
            ["parent"] = storage,
            ["name"] = "default",
        }));
        var share = module.File.Add(new BicepResource("share", "Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01", new BicepObject
        {
            ["parent"] = files,
            ["name"] = rabbit.Name,
            ["properties"] = new BicepObject { ["shareQuota"] = 1 },
        })
        {
            Comment = "1 GiB: messages wait here only until a consumer wakes up.",
        });
        var environment = module.File.Add(new BicepResource("environment", "Microsoft.App/managedEnvironments@2024-03-01", new BicepObject
        {
            ["name"] = environmentName,
        })
        {
            Existing = true,
        });
        var environmentStorage = module.File.Add(new BicepResource("environmentStorage", "Microsoft.App/managedEnvironments/storages@2024-03-01", new BicepObject
        {
            ["parent"] = environment,
            ["name"] = rabbit.Name,
            ["properties"] = new BicepObject
            {
                ["azureFile"] = new BicepObject
                {
                    ["accountName"] = storage.Member("name"),
                    ["accountKey"] = storage.Member("listKeys().keys[0].value"),
                    ["shareName"] = share.Member("name"),
                    ["accessMode"] = "ReadWrite",
                },
            },
        }));
        return environmentStorage.Member("name");
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
