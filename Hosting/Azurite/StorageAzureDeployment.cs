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

    /// <summary>The resource type of a blob container, or of a queue.</summary>
    public static string ResourceType(bool queue) => queue
        ? $"Microsoft.Storage/storageAccounts/queueServices/queues@{StorageAccount.ApiVersion}"
        : $"Microsoft.Storage/storageAccounts/blobServices/containers@{StorageAccount.ApiVersion}";

    public override void AddTo(AzureDeployment deployment)
    {
        var module = new AzureModule(deployment);
        var name = module.Pass("name", "string", Name(deployment));
        // No account key works: the services, KEDA's scaler and Event Grid all sign in as managed identities, each with
        // a role on the containers and queues it uses (StorageRoleAnnotation).
        var account = StorageAccount.Add(module, "account", name, new BicepObject { ["allowSharedKeyAccess"] = false });
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
            module.File.Add(new BicepResource($"container{index}", ResourceType(queue: false), new BicepObject
            {
                ["parent"] = blobService,
                ["name"] = container,
                ["properties"] = new BicepObject { ["publicAccess"] = "None" },
            }));
        }

        var queues = new Dictionary<string, BicepExpression>();
        foreach (var (queue, index) in layouts.SelectMany(l => l.Queues).Select((q, i) => (q, i)))
        {
            queues[queue] = module.File.Add(new BicepResource($"queue{index}", ResourceType(queue: true), new BicepObject
            {
                ["parent"] = queueService,
                ["name"] = queue,
            }));
        }

        AddBlobCreatedEvents(module, account, name, queues);
        module.Output("name", "string", account.Member("name"));
        module.Output("blobEndpoint", "string", account.Member("properties.primaryEndpoints.blob"));
        module.Output("queueEndpoint", "string", account.Member("properties.primaryEndpoints.queue"));
        deployment.AddModule(storage, module);
    }

    /// <summary>Event Grid delivers to a storage queue of the same account as the event's JSON, base64-encoded; what the
    /// app host's emulation sends locally. It delivers as the system topic's own identity, which may only add messages to
    /// that queue (no account key).</summary>
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
            ["identity"] = new BicepObject { ["type"] = "SystemAssigned" },
            ["properties"] = new BicepObject
            {
                ["source"] = account.Member("id"),
                ["topicType"] = "Microsoft.Storage.StorageAccounts",
            },
        }));
        foreach (var (subscription, index) in subscriptions.Select((s, i) => (s, i)))
        {
            var queue = queues.TryGetValue(subscription.Queue, out var declared)
                ? declared
                : throw new InvalidOperationException($"'{storage.Name}' delivers BlobCreated events to queue '{subscription.Queue}', which its storage layout does not hold.");
            var sender = StorageRole.QueueDataMessageSender;
            var role = module.File.Add(RoleAssignment.Create(
                $"blobCreated{index}Sender", queue, topic.Member("id"), topic.Member("identity.principalId"), sender.RoleDefinitionId) with
            {
                Comment = $"{sender.Name} on '{subscription.Queue}' only, for the system topic's identity.",
            });
            module.File.Add(new BicepResource($"blobCreated{index}", $"Microsoft.EventGrid/systemTopics/eventSubscriptions@{EventGridApi}", new BicepObject
            {
                ["parent"] = topic,
                ["name"] = $"{subscription.Container}-created",
                ["properties"] = new BicepObject
                {
                    ["eventDeliverySchema"] = "EventGridSchema",
                    ["deliveryWithResourceIdentity"] = new BicepObject
                    {
                        ["identity"] = new BicepObject { ["type"] = "SystemAssigned" },
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
                    },
                    ["filter"] = new BicepObject
                    {
                        ["includedEventTypes"] = new BicepArray { "Microsoft.Storage.BlobCreated" },
                        ["subjectBeginsWith"] = $"/blobServices/default/containers/{subscription.Container}/",
                    },
                },
                // The role first: Event Grid checks that it may deliver when the subscription is created.
                ["dependsOn"] = new BicepArray { queue, role },
            }));
        }
    }

    /// <summary><c>BlobEndpoint=https://…;QueueEndpoint=https://…</c>: the endpoints alone, no key. The services sign in
    /// as their managed identities (see StorageClients).</summary>
    public override BicepValue GetConnectionString(AzureDeployment deployment) => BicepExpression.Interpolate(
        "BlobEndpoint=", deployment.ModuleOutput(storage, "blobEndpoint"), ";QueueEndpoint=", deployment.ModuleOutput(storage, "queueEndpoint"));

    /// <summary>Storage account names are 3–24 lowercase letters and digits, unique in Azure.</summary>
    private static BicepExpression Name(AzureDeployment deployment) => BicepExpression.Interpolate("st", deployment.ResourceToken);
}
