using static Shop.Publishing.Tests.ArmTemplate;

namespace Shop.Publishing.Tests;

/// <summary>Product photos in Azure: the storage account with both containers and the event queue, Event Grid's
/// BlobCreated subscription from the incoming container to that queue, and the processor woken by the queue.</summary>
public sealed class PhotoStorageDeploymentTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _containers = ["photo-uploads", "photos"];

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
        Assert.Equal("StorageQueue", Text(subscription["destination"]!["endpointType"]));
        Assert.Equal("photo-events", Text(subscription["destination"]!["properties"]!["queueName"]));
        Assert.Equal(["Microsoft.Storage.BlobCreated"], subscription["filter"]!["includedEventTypes"]!.AsArray().Select(Text));
        Assert.Equal("/blobServices/default/containers/photo-uploads/", Text(subscription["filter"]!["subjectBeginsWith"]));
    }

    [Fact]
    public void The_photo_processor_scales_to_zero_and_wakes_on_its_storage_queue()
    {
        var app = Template.App("photo-processor")!;
        var scale = app["properties"]!["template"]!["scale"]!;
        var rule = Assert.Single(scale["rules"]!.AsArray(), r => r!["custom"]?["type"]?.GetValue<string>() == "azure-queue")!["custom"]!;
        Assert.Equal("photo-events", Text(rule["metadata"]!["queueName"]));
        var auth = Assert.Single(rule["auth"]!.AsArray())!;
        Assert.Equal("connection", Text(auth["triggerParameter"]));
        var secrets = app["properties"]!["configuration"]!["secrets"]!.AsArray();
        Assert.Contains(secrets, s => Text(s!["name"]) == Text(auth["secretRef"]));
        Assert.Equal("[parameters('minReplicas')]", Text(scale["minReplicas"]));
    }

    private static string[] ContainerNames(List<System.Text.Json.Nodes.JsonObject> containers) =>
        [.. containers.Select(c => Text(c["name"])).Select(name => _containers.FirstOrDefault(n => name.Contains($"'{n}'", StringComparison.Ordinal)) ?? name).Order()];
}
