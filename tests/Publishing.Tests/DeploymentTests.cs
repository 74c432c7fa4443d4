using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.RabbitMQ;

namespace Shop.Publishing.Tests;

/// <summary>What the published Bicep deploys, checked against the app model it came from.</summary>
public sealed class DeploymentTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _projects = ["basket-api", "catalog-api", "ordering-worker", "webfrontend"];

    // The queues the services consume, by consumer.
    private static readonly (string Project, string Queue)[] _consumedQueues =
        [("catalog-api", "catalog-stock"), ("ordering-worker", "ordering")];

    private PublishedProject Published => deployment.Published;

    [Fact]
    public void Every_project_is_a_container_app_that_scales_to_zero_and_carries_its_azd_service_tag()
    {
        Assert.Equal(_projects, deployment.Projects.Select(p => p.Name).Order());
        Assert.Equal("0", Published.Declaration("main", "param", "serviceMinReplicas").Value!.Text);
        foreach (var project in deployment.Projects)
        {
            var app = Published.App(project.Name);
            Assert.Equal("Microsoft.App/containerApps@2024-03-01", Published.Declaration(project.Name, "resource", "app").TypeOrPath);
            Assert.Equal(project.Name, app["name"].Literal);
            Assert.Contains($"'azd-service-name': '{project.Name}'", app["tags"].Text, StringComparison.Ordinal);
            Assert.Equal("minReplicas", app["properties"]["template"]["scale"]["minReplicas"].Text);
            Assert.Equal("serviceMinReplicas", Published.ModuleArguments(project.Name)["minReplicas"].Text);
        }
    }

    [Fact]
    public void Only_the_web_frontend_is_reachable_from_outside()
    {
        foreach (var module in Published.Bicep.Keys.Where(m => Published.Bicep[m].Any(d => d is { Keyword: "resource", Name: "app" })))
        {
            var ingress = Published.App(module)["properties"]["configuration"]["ingress"];
            Assert.True((module == "webfrontend") == (ingress["external"].Text == "true"), $"{module}: external is {ingress["external"].Text}");
        }

        Assert.Contains(deployment.Projects, p => p.Name == "webfrontend" && p.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").IsExternal);
    }

    [Fact]
    public void Every_consumed_queue_wakes_its_consumer_through_a_KEDA_rabbitmq_rule()
    {
        var consumed = deployment.Projects
            .SelectMany(p => p.Annotations.OfType<RabbitMQScaleRuleAnnotation>().Select(r => (Project: p.Name, Queue: r.QueueName)))
            .ToList();
        Assert.Equal(_consumedQueues, consumed.Order());

        foreach (var (project, queue) in consumed)
        {
            var rules = Published.App(project)["properties"]["template"]["scale"]["rules"].Items;
            var rule = Assert.Single(rules, r => ((BicepObjectNode)r).Has("custom") && r["custom"]["metadata"]["queueName"].Literal == queue)["custom"];
            Assert.Equal("rabbitmq", rule["type"].Literal);
            Assert.Equal("QueueLength", rule["metadata"]["mode"].Literal);
            Assert.Equal("http", rule["metadata"]["protocol"].Literal);
            Assert.True(int.Parse(rule["metadata"]["value"].Literal, System.Globalization.CultureInfo.InvariantCulture) > 0);
            var auth = Assert.Single(rule["auth"].Items);
            Assert.Equal("host", auth["triggerParameter"].Literal);

            // The secret holds the management API's URL with the broker's credentials, from secure parameters only.
            var secret = SecretValueParameter(project, auth["secretRef"].Literal);
            var url = Published.ModuleArguments(project)[secret].Text;
            Assert.Matches(@"^'http://shop:\$\{messagingPassword\}@\$\{messaging\.outputs\.host\}:15672'$", url);
        }
    }

    [Fact]
    public void Every_service_scales_on_HTTP_requests_and_is_probed_on_alive_and_health()
    {
        foreach (var project in deployment.Projects)
        {
            var template = Published.App(project.Name)["properties"]["template"];
            Assert.Contains(template["scale"]["rules"].Items, r => ((BicepObjectNode)r).Has("http"));
            Assert.Equal("empty(image) ? [] : probes", template["containers"].Items[0]["probes"].Text);
            var probes = Published.Declaration(project.Name, "var", "probes").Value!.Items
                .ToDictionary(p => p["type"].Literal, p => p["httpGet"]["path"].Literal);
            Assert.Equal("/alive", probes["Liveness"]);
            Assert.Equal("/health", probes["Readiness"]);
            Assert.Equal("/alive", probes["Startup"]);
        }
    }

    [Fact]
    public void RabbitMQ_never_scales_to_zero_and_serves_AMQP_and_management_inside_the_environment()
    {
        var app = Published.App("messaging");
        Assert.Equal("1", app["properties"]["template"]["scale"]["minReplicas"].Text);
        Assert.Equal("1", app["properties"]["template"]["scale"]["maxReplicas"].Text);
        var ingress = app["properties"]["configuration"]["ingress"];
        Assert.Equal("tcp", ingress["transport"].Literal);
        Assert.Equal("5672", ingress["targetPort"].Text);
        Assert.Equal("5672", ingress["exposedPort"].Text);
        var management = Assert.Single(ingress["additionalPortMappings"].Items);
        Assert.Equal("15672", management["exposedPort"].Text);
        Assert.Equal("false", management["external"].Text);
        var volume = Assert.Single(app["properties"]["template"]["volumes"].Items);
        Assert.Equal("AzureFile", volume["storageType"].Literal);
    }

    [Fact]
    public void Main_outputs_what_azd_reads_and_the_frontend_url()
    {
        var outputs = Published.Bicep["main"].Where(d => d.Keyword == "output").Select(d => d.Name).ToList();
        Assert.Contains("AZURE_CONTAINER_REGISTRY_ENDPOINT", outputs);
        Assert.Contains("AZURE_CONTAINER_APPS_ENVIRONMENT_ID", outputs);
        Assert.Equal("webfrontend.outputs.url", Published.Declaration("main", "output", "WEBFRONTEND_URL").Value!.Text);
    }

    [Fact]
    public void Azure_yaml_lists_every_project_as_a_dotnet_container_app()
    {
        var lines = Published.Files["azure.yaml"].Split('\n');
        Assert.StartsWith("# Generated by `dotnet run --project AppHost -- publish`", lines[0], StringComparison.Ordinal);
        var services = lines.SkipWhile(l => l != "services:").Skip(1).Where(l => l.Length > 0).Chunk(4).ToList();
        Assert.Equal(deployment.Projects.Count, services.Count);
        foreach (var project in deployment.Projects)
        {
            var folder = Path.GetRelativePath(PublishedProject.RepositoryRoot, Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath)!);
            Assert.Contains(services, s => s.SequenceEqual(
                [$"  {project.Name}:", $"    project: ./{folder}", "    language: dotnet", "    host: containerapp"]));
        }
    }

    [Fact]
    public async Task Every_environment_variable_the_model_gives_a_published_service_is_set_in_Azure()
    {
        foreach (var project in deployment.Projects)
        {
            var deployed = Published.App(project.Name)["properties"]["template"]["containers"].Items[0]["env"].Items
                .Select(e => e["name"].Literal).ToList();
            Assert.Equal(deployed.Count, deployed.Distinct().Count());
            var missing = (await deployment.ModelEnvironmentAsync(project)).Except(deployed).ToList();
            Assert.True(missing.Count == 0, $"{project.Name} lacks {string.Join(", ", missing)} in Azure.");
            // The hosting variables a local run sets differently: the port, the name telemetry reports.
            Assert.Contains("HTTP_PORTS", deployed);
            Assert.Contains("OTEL_SERVICE_NAME", deployed);
        }
    }

    /// <summary>The secure module parameter that holds a container-app secret.</summary>
    private string SecretValueParameter(string module, string secretName)
    {
        var secret = Assert.Single(Published.App(module)["properties"]["configuration"]["secrets"].Items, s => s["name"].Literal == secretName);
        var parameter = secret["value"].Text;
        Assert.True(Published.Declaration(module, "param", parameter).IsSecure, $"{module}: secret {secretName} comes from a parameter that is not @secure().");
        return parameter;
    }
}
