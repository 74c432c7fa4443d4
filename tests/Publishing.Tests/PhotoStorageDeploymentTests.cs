using static Shop.Publishing.Tests.ArmTemplate;

namespace Shop.Publishing.Tests;

/// <summary>Product photos in Azure: the storage account with both containers and the event queue, Event Grid's
/// BlobCreated subscription from the incoming container to that queue, and the processor woken by the queue; all of it
/// without an account key, each party signed in as its own managed identity with a role on what it uses.</summary>
public sealed class PhotoStorageDeploymentTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _containers = ["photo-uploads", "photos"];
    private static readonly string[] _targets = ["photo-uploads", "photos", "photo-events"];

    // Azure's built-in role ids, written out here rather than read from the code under test.
    private static readonly Dictionary<string, string> _roles = new()
    {
        ["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"] = "Storage Blob Data Reader",
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = "Storage Blob Data Contributor",
        ["19e7f393-937e-4f77-808e-94535e297925"] = "Storage Queue Data Reader",
        ["8a0f0c08-91a1-4084-bc3d-661d67233fed"] = "Storage Queue Data Message Processor",
        ["c6a89b2d-59bc-44d0-9896-0f6e12d7b80a"] = "Storage Queue Data Message Sender",
    };

    private ArmTemplate Template => deployment.Published.Template;

    [Fact]
    public void The_storage_account_holds_the_upload_and_photo_containers_and_the_event_queue_none_public()
    {
        var resources = Resources(Template.ModuleTemplate("storage")).ToList();
        var account = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.Storage/storageAccounts");
        Assert.False(account["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>());

        var containers = resources.Where(r => Text(r["type"]) == "Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Equal(["photo-uploads", "photos"], ContainerNames(containers));
        Assert.All(containers, c => Assert.Equal("None", Text(c["properties"]!["publicAccess"])));
        Assert.Contains(resources, r => Text(r["type"]) == "Microsoft.Storage/storageAccounts/queueServices/queues" && Text(r["name"]).Contains("photo-events", StringComparison.Ordinal));
    }

    [Fact]
    public void Event_Grid_delivers_BlobCreated_of_the_upload_container_only_to_the_event_queue()
    {
        var resources = Resources(Template.ModuleTemplate("storage")).ToList();
        var topic = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", Text(topic["properties"]!["topicType"]));

        var subscription = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
        Assert.Equal("EventGridSchema", Text(subscription["eventDeliverySchema"]));
        Assert.Null(subscription["destination"]);
        var delivery = subscription["deliveryWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", Text(delivery["identity"]!["type"]));
        Assert.Equal("StorageQueue", Text(delivery["destination"]!["endpointType"]));
        Assert.Equal("photo-events", Text(delivery["destination"]!["properties"]!["queueName"]));
        Assert.Equal(["Microsoft.Storage.BlobCreated"], subscription["filter"]!["includedEventTypes"]!.AsArray().Select(Text));
        Assert.Equal("/blobServices/default/containers/photo-uploads/", Text(subscription["filter"]!["subjectBeginsWith"]));
    }

    [Fact]
    public void Event_Grid_delivers_as_the_system_topics_identity_which_may_only_send_to_the_event_queue()
    {
        var resources = Resources(Template.ModuleTemplate("storage")).ToList();
        var topic = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.EventGrid/systemTopics");
        Assert.Equal("SystemAssigned", Text(topic["identity"]!["type"]));

        var role = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.Authorization/roleAssignments");
        Assert.Equal(("photo-events", "Storage Queue Data Message Sender"), Grant(role));
        Assert.Contains("Microsoft.EventGrid/systemTopics", Text(role["properties"]!["principalId"]), StringComparison.Ordinal);
        var subscription = Assert.Single(resources, r => Text(r["type"]) == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        Assert.Contains(subscription["dependsOn"]!.AsArray(), d => Text(d).Contains("roleAssignments", StringComparison.Ordinal));
    }

    [Fact]
    public void The_photo_processor_scales_to_zero_and_wakes_on_its_storage_queue_read_as_its_own_identity()
    {
        var app = Template.App("photo-processor")!;
        var scale = app["properties"]!["template"]!["scale"]!;
        var rule = Assert.Single(scale["rules"]!.AsArray(), r => r!["custom"]?["type"]?.GetValue<string>() == "azure-queue")!["custom"]!;
        Assert.Equal("photo-events", Text(rule["metadata"]!["queueName"]));
        Assert.Equal("[parameters('storageAccountName')]", Text(rule["metadata"]!["accountName"]));
        Assert.Null(rule["auth"]);
        Assert.Equal("[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-photo-processor')]", Text(rule["identity"]));
        Assert.Equal("[parameters('minReplicas')]", Text(scale["minReplicas"]));
    }

    [Theory]
    [InlineData("catalog-api", "photo-uploads: Storage Blob Data Contributor")]
    [InlineData("photo-processor", "photo-uploads: Storage Blob Data Reader", "photos: Storage Blob Data Contributor", "photo-events: Storage Queue Data Message Processor", "photo-events: Storage Queue Data Reader")]
    [InlineData("webfrontend", "photos: Storage Blob Data Reader")]
    public void Each_service_reaches_storage_as_its_own_identity_with_a_role_on_what_it_uses_and_nothing_else(string service, params string[] grants)
    {
        var resources = Resources(Template.ModuleTemplate(service)).ToList();
        var identity = $"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-{service}')]";
        Assert.Single(resources, r => Text(r["type"]) == "Microsoft.ManagedIdentity/userAssignedIdentities" && Text(r["name"]) == $"id-{service}");

        var roles = resources.Where(r => Text(r["type"]) == "Microsoft.Authorization/roleAssignments").ToList();
        Assert.Equal(grants.Order(), roles.Select(Grant).Select(g => $"{g.Target}: {g.Role}").Order());
        Assert.All(roles, r => Assert.Contains(identity[1..^1], Text(r["properties"]!["principalId"]), StringComparison.Ordinal));

        var app = Template.App(service)!;
        Assert.Contains(app["identity"]!["userAssignedIdentities"]!.AsObject(), i => i.Key.Contains(identity[1..^1], StringComparison.Ordinal));
        var clientId = Assert.Single(Container(app)["env"]!.AsArray(), v => Text(v!["name"]) == "AZURE_CLIENT_ID")!;
        Assert.Contains($"{identity[1..^1]}, '2023-01-31').clientId", Text(clientId["value"]), StringComparison.Ordinal);
        var connectionString = Text(Template.Module(service)["properties"]!["parameters"]!["connectionStringsStorage"]!["value"]);
        Assert.Contains("'BlobEndpoint={0};QueueEndpoint={1}'", connectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", connectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void No_storage_key_is_read_where_an_identity_works_and_the_photo_account_refuses_keys()
    {
        var account = Assert.Single(Resources(Template.ModuleTemplate("storage")), r => Text(r["type"]) == "Microsoft.Storage/storageAccounts");
        Assert.False(account["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());

        // What still reads a key, each for want of an identity: the Log Analytics workspace's shared key (the
        // environment's log destination takes no identity), the frontend's key-ring share (Container Apps mounts Azure
        // Files over SMB with the account key) and the Redis access key (the Basket's connection string).
        var keyReads = deployment.Published.Files
            .Where(f => f.Key.EndsWith(".bicep", StringComparison.Ordinal))
            .SelectMany(f => f.Value.Split('\n').Where(line => line.Contains("listKeys(", StringComparison.Ordinal)).Select(line => $"{f.Key}: {line.Trim()}"))
            .Order();
        Assert.Equal(
            [
                "infra/environment.bicep: sharedKey: workspace.listKeys().primarySharedKey",
                "infra/main.bicep: connectionStringsCache: '${cache.outputs.host}:10000,password=${cacheDatabase.listKeys().primaryKey},ssl=true'",
                "infra/webfrontend.bicep: accountKey: storage.listKeys().keys[0].value",
            ],
            keyReads);
    }

    /// <summary>A role assignment as (the container or queue it is scoped to, the role's name).</summary>
    private static (string Target, string Role) Grant(System.Text.Json.Nodes.JsonObject assignment)
    {
        var scope = Text(assignment["scope"]);
        var target = _targets.Single(t => scope.Contains($"/default/{t}'", StringComparison.Ordinal) || scope.Contains($"'{t}'", StringComparison.Ordinal));
        var roleId = _roles.Keys.Single(id => Text(assignment["properties"]!["roleDefinitionId"]).Contains(id, StringComparison.Ordinal));
        return (target, _roles[roleId]);
    }

    private static string[] ContainerNames(List<System.Text.Json.Nodes.JsonObject> containers) =>
        [.. containers.Select(c => Text(c["name"])).Select(name => _containers.FirstOrDefault(n => name.Contains($"'{n}'", StringComparison.Ordinal)) ?? name).Order()];
}
