using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Azurite;

/// <summary>The storage account Azurite stands in for: StorageV2 with its blob containers and queues
/// (<see cref="StorageLayoutAnnotation"/>), and for each <see cref="BlobCreatedEventsAnnotation"/> an Event Grid system
/// topic on the account with a subscription that delivers BlobCreated events of that container to the queue.</summary>
internal sealed class StorageAzureDeployment(AzuriteResource storage) : AzureResourceDeployment
{
    private const string EventGridApi = "2022-06-15";

    public override void AddTo(AzureDeployment deployment)
    {
        var module = new AzureModule(deployment);
        var name = module.Pass("name", "string", Name(deployment));
        var account = StorageAccount.Add(module, "account", name);
        var blobService = module.File.Add(new BicepResource("blobService", $"Microsoft.Storage/storageAccounts/blobServices@{StorageAccount.ApiVersion}", new BicepObject
        {
            ["parent"] = account,
            ["name"] = "default",
        }));
        var queueService = module.File.Add(new BicepResource("queueService", $"Microsoft.Storage/storageAccounts/queueServices@{StorageAccount.ApiVersion}", new BicepObject
        {
            ["parent"] = account,
            ["name"] = "default",
        }));

        var layouts = storage.Annotations.OfType<StorageLayoutAnnotation>().ToList();
        foreach (var (container, index) in layouts.SelectMany(l => l.Containers).Select((c, i) => (c, i)))
        {
            module.File.Add(new BicepResource($"container{index}", $"Microsoft.Storage/storageAccounts/blobServices/containers@{StorageAccount.ApiVersion}", new BicepObject
            {
                ["parent"] = blobService,
                ["name"] = container,
                ["properties"] = new BicepObject { ["publicAccess"] = "None" },
            }));
        }

        var queues = new Dictionary<string, BicepExpression>();
        foreach (var (queue, index) in layouts.SelectMany(l => l.Queues).Select((q, i) => (q, i)))
        {
            queues[queue] = module.File.Add(new BicepResource($"queue{index}", $"Microsoft.Storage/storageAccounts/queueServices/queues@{StorageAccount.ApiVersion}", new BicepObject
            {
                ["parent"] = queueService,
                ["name"] = queue,
            }));
        }

        AddBlobCreatedEvents(module, account, name, queues);
        module.Output("name", "string", account.Member("name"));
        deployment.AddModule(storage, module);
    }

    /// <summary>Event Grid delivers to a storage queue of the same account as the event's JSON, base64-encoded; what the
    /// app host's emulation sends locally.</summary>
    private void AddBlobCreatedEvents(AzureModule module, BicepExpression account, BicepExpression name, Dictionary<string, BicepExpression> queues)
    {
        var subscriptions = storage.Annotations.OfType<BlobCreatedEventsAnnotation>().ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }

        var topic = module.File.Add(new BicepResource("events", $"Microsoft.EventGrid/systemTopics@{EventGridApi}", new BicepObject
        {
            ["name"] = BicepExpression.Interpolate("", name, "-events"),
            ["location"] = module.Location,
            ["tags"] = module.Tags,
            ["properties"] = new BicepObject
            {
                ["source"] = account.Member("id"),
                ["topicType"] = "Microsoft.Storage.StorageAccounts",
            },
        }));
        foreach (var (subscription, index) in subscriptions.Select((s, i) => (s, i)))
        {
            module.File.Add(new BicepResource($"blobCreated{index}", $"Microsoft.EventGrid/systemTopics/eventSubscriptions@{EventGridApi}", new BicepObject
            {
                ["parent"] = topic,
                ["name"] = $"{subscription.Container}-created",
                ["properties"] = new BicepObject
                {
                    ["eventDeliverySchema"] = "EventGridSchema",
                    ["destination"] = new BicepObject
                    {
                        ["endpointType"] = "StorageQueue",
                        ["properties"] = new BicepObject
                        {
                            ["resourceId"] = account.Member("id"),
                            ["queueName"] = subscription.Queue,
                            // Kept until the processor takes it, however long it has been scaled to zero.
                            ["queueMessageTimeToLiveInSeconds"] = -1,
                        },
                    },
                    ["filter"] = new BicepObject
                    {
                        ["includedEventTypes"] = new BicepArray { "Microsoft.Storage.BlobCreated" },
                        ["subjectBeginsWith"] = $"/blobServices/default/containers/{subscription.Container}/",
                    },
                },
                ["dependsOn"] = queues.TryGetValue(subscription.Queue, out var queue) ? new BicepArray { queue } : new BicepArray(),
            }));
        }
    }

    /// <summary><c>DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=…</c>, the key read by ARM
    /// at deployment time: no output or file ever holds it.</summary>
    public override BicepValue GetConnectionString(AzureDeployment deployment)
    {
        var symbol = $"{BicepNames.Symbol(storage.Name)}Account";
        if (!deployment.Main.Declares(symbol))
        {
            deployment.Main.Add(new BicepResource(symbol, $"Microsoft.Storage/storageAccounts@{StorageAccount.ApiVersion}", new BicepObject
            {
                ["scope"] = deployment.ResourceGroup,
                ["name"] = Name(deployment),
            })
            {
                Existing = true,
                Comment = $"The account of '{storage.Name}', for its key.",
            });
        }

        return BicepExpression.Interpolate(
            "DefaultEndpointsProtocol=https;AccountName=", deployment.ModuleOutput(storage, "name"),
            ";AccountKey=", new BicepExpression($"{symbol}.listKeys().keys[0].value"),
            ";EndpointSuffix=", new BicepExpression("az.environment().suffixes.storage"));
    }

    /// <summary>Storage account names are 3–24 lowercase letters and digits, unique in Azure.</summary>
    private static BicepExpression Name(AzureDeployment deployment) => BicepExpression.Interpolate("st", deployment.ResourceToken);
}
