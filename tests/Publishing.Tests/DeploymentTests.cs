using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.RabbitMQ;
using static Shop.Publishing.Tests.ArmTemplate;

namespace Shop.Publishing.Tests;

/// <summary>What the compiled ARM template deploys, checked against the app model it came from.</summary>
public sealed partial class DeploymentTests(ShopDeployment deployment) : IClassFixture<ShopDeployment>
{
    private static readonly string[] _projects = ["basket-api", "catalog-api", "ordering-worker", "photo-processor", "webfrontend"];

    // Projects that others wait for to complete (WaitForCompletion), and those that wait for them.
    private static readonly string[] _jobs = ["migrator"];
    private static readonly string[] _waitingForTheMigrator = ["catalog-api", "ordering-worker", "webfrontend"];

    // The queues the services consume, by consumer.
    private static readonly (string Project, string Queue)[] _consumedQueues =
        [("catalog-api", "catalog-photos"), ("catalog-api", "catalog-stock"), ("ordering-worker", "ordering")];

    private PublishedProject Published => deployment.Published;

    private ArmTemplate Template => Published.Template;

    [Fact]
    public void Every_service_is_a_container_app_that_scales_to_zero_and_carries_its_azd_service_tag()
    {
        Assert.Equal(_projects.Concat(_jobs).Order(), deployment.Projects.Select(p => p.Name).Order());
        Assert.Equal(0, Template.Root["parameters"]!["serviceMinReplicas"]!["defaultValue"]!.GetValue<int>());
        Assert.Equal("${MIN_REPLICAS=0}", Text(Published.Parameters["serviceMinReplicas"]!["value"]));
        foreach (var project in deployment.Projects.Where(p => !_jobs.Contains(p.Name)))
        {
            var app = Template.App(project.Name)!;
            Assert.Equal("Microsoft.App/containerApps", Text(app["type"]));
            Assert.Equal(project.Name, Text(app["name"]));
            Assert.Contains($"createObject('azd-service-name', '{project.Name}')", Text(app["tags"]), StringComparison.Ordinal);
            Assert.Equal("[parameters('minReplicas')]", Text(app["properties"]!["template"]!["scale"]!["minReplicas"]));
            Assert.Equal("[parameters('serviceMinReplicas')]", Template.Argument(project.Name, "minReplicas"));
        }
    }

    [Fact]
    public void A_project_others_wait_for_to_complete_is_a_manual_job_each_deployment_runs_before_the_services_that_wait_for_it()
    {
        var waitedOn = deployment.Model.Resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>().Where(w => w.WaitType == WaitType.WaitForCompletion).Select(w => (Waiter: r.Name, Job: w.Resource.Name)))
            .ToList();
        Assert.Equal(_jobs, waitedOn.Select(w => w.Job).Distinct().Order());
        Assert.Equal(_waitingForTheMigrator, waitedOn.Select(w => w.Waiter).Order());

        var services = AzureYaml.Parse(Published.Files["azure.yaml"])["services"]!;
        foreach (var job in _jobs)
        {
            var app = Template.App(job)!;
            Assert.Equal("Microsoft.App/jobs", Text(app["type"]));
            Assert.Contains($"createObject('azd-service-name', '{job}')", Text(app["tags"]), StringComparison.Ordinal);
            var configuration = app["properties"]!["configuration"]!;
            Assert.Equal("Manual", Text(configuration["triggerType"]));
            Assert.Equal(1, configuration["manualTriggerConfig"]!["parallelism"]!.GetValue<int>());
            Assert.Equal(0, configuration["replicaRetryLimit"]!.GetValue<int>());
            Assert.Null(configuration["ingress"]);
            Assert.Equal(
                $"[if(parameters('exists'), reference(resourceId('Microsoft.App/jobs', '{job}'), '2025-01-01').template.containers[0].image, variables('placeholderImage'))]",
                Text(Container(app)["image"]));

            // azd deploys the job's image, then its postdeploy hook starts one execution and fails the deployment
            // unless it succeeds; the services that wait for it are deployed after it (uses).
            Assert.Equal("containerapp", Text(services[job]!["host"]));
            var hook = services[job]!["hooks"]!["postdeploy"]!;
            Assert.Equal("sh", Text(hook["shell"]));
            var script = Text(hook["run"]);
            Assert.Contains($"az containerapp job start --name {job} --resource-group \"$AZURE_RESOURCE_GROUP\"", script, StringComparison.Ordinal);
            Assert.Contains("Succeeded) echo", script, StringComparison.Ordinal);
            Assert.Contains("exit 1", script, StringComparison.Ordinal);
        }

        foreach (var (waiter, job) in waitedOn)
        {
            Assert.Contains(job, services[waiter]!["uses"]!.AsArray().Select(u => Text(u)));
        }

        Assert.All(services.AsObject().Where(s => !waitedOn.Any(w => w.Waiter == s.Key)), s => Assert.Null(s.Value!["uses"]));
    }

    [Fact]
    public void Only_the_web_frontend_is_reachable_from_outside()
    {
        var apps = Template.Apps.Where(a => Text(a.App["type"]) == "Microsoft.App/containerApps").ToList();
        Assert.Equal(_projects.Append("messaging").Order(), apps.Select(a => a.Module).Order());
        foreach (var (module, app) in apps)
        {
            var ingress = app["properties"]!["configuration"]!["ingress"]!;
            Assert.True((module == "webfrontend") == ingress["external"]!.GetValue<bool>(), $"{module}: external is {ingress["external"]}");
            Assert.All(ingress["additionalPortMappings"]?.AsArray() ?? [], p => Assert.False(p!["external"]!.GetValue<bool>()));
        }

        Assert.Contains(deployment.Projects, p => p.Name == "webfrontend" && p.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").IsExternal);
    }

    [Fact]
    public void Every_consumed_queue_wakes_its_consumer_through_one_KEDA_rabbitmq_rule_over_AMQP_at_the_broker_s_internal_FQDN()
    {
        var consumed = deployment.Projects
            .SelectMany(p => p.Annotations.OfType<RabbitMQScaleRuleAnnotation>().Select(r => (Project: p.Name, Queue: r.QueueName)))
            .ToList();
        Assert.Equal(_consumedQueues, consumed.Order());

        // The broker's host, as every rule and service reaches it: the internal FQDN of its TCP ingress.
        var host = Template.ModuleTemplate("messaging")["outputs"]!["host"]!["value"]!.GetValue<string>();
        Assert.Equal("[reference(resourceId('Microsoft.App/containerApps', 'messaging'), '2025-01-01').configuration.ingress.fqdn]", host);

        foreach (var project in _projects)
        {
            var rules = Template.App(project)!["properties"]!["template"]!["scale"]!["rules"]!.AsArray().Select(r => r!).ToList();
            var queueRules = rules.Where(r => r["custom"]?["type"]?.GetValue<string>() == "rabbitmq").ToList();
            Assert.Equal(consumed.Where(c => c.Project == project).Select(c => c.Queue).Order(), queueRules.Select(r => Text(r["custom"]!["metadata"]!["queueName"])).Order());
            foreach (var rule in queueRules.Select(r => r["custom"]!))
            {
                Assert.Equal("rabbitmq", Text(rule["type"]));
                Assert.Equal("QueueLength", Text(rule["metadata"]!["mode"]));
                Assert.Equal("amqp", Text(rule["metadata"]!["protocol"]));
                Assert.True(int.Parse(Text(rule["metadata"]!["value"]), System.Globalization.CultureInfo.InvariantCulture) > 0);
                var auth = Assert.Single(rule["auth"]!.AsArray())!;
                Assert.Equal("host", Text(auth["triggerParameter"]));

                // The secret holds the AMQP URL with the broker's credentials, from secure parameters only.
                var url = Template.Argument(project, SecretValueParameter(project, Text(auth["secretRef"])));
                Assert.Matches(@"^\[format\('amqp://shop:\{0\}@\{1\}:5672', parameters\('messagingPassword'\), reference\(.*'messaging'\), '[0-9-]+'\)\.outputs\.host\.value\)\]$", url);
            }
        }
    }

    [Fact]
    public void Every_service_scales_on_HTTP_requests_and_is_probed_on_alive_and_health_once_it_runs_its_own_image()
    {
        foreach (var project in _projects)
        {
            var app = Template.App(project)!;
            Assert.Contains(app["properties"]!["template"]!["scale"]!["rules"]!.AsArray(), r => r!["http"] is not null);
            // Probes only on the service's own image: equals(<the image>, placeholder) ? [] : probes.
            Assert.Equal($"[if(equals({RunningImage(project)}, variables('placeholderImage')), createArray(), variables('probes'))]", Text(Container(app)["probes"]));
            var probes = Template.ModuleTemplate(project)["variables"]!["probes"]!.AsArray()
                .ToDictionary(p => Text(p!["type"]), p => Text(p!["httpGet"]!["path"]));
            Assert.Equal("/alive", probes["Liveness"]);
            Assert.Equal("/health", probes["Readiness"]);
            Assert.Equal("/alive", probes["Startup"]);
        }
    }

    [Fact]
    public void A_provision_puts_the_placeholder_only_on_a_service_that_does_not_exist_yet()
    {
        foreach (var project in _projects)
        {
            var variables = Template.ModuleTemplate(project)["variables"]!;
            // Once azd says the app exists, the image is the one it runs: read from the app itself, not from the
            // environment of the machine that provisions.
            Assert.Equal($"[{RunningImage(project)}]", Text(Container(Template.App(project)!)["image"]));
            Assert.StartsWith("mcr.microsoft.com/", Text(variables["placeholderImage"]), StringComparison.Ordinal);

            var parameter = Template.Argument(project, "exists");
            var mainParameter = Regex.Match(parameter, @"^\[parameters\('(\w+)'\)\]$").Groups[1].Value;
            Assert.Equal("bool", Text(Template.Root["parameters"]![mainParameter]!["type"]));
            Assert.False(Template.Root["parameters"]![mainParameter]!["defaultValue"]!.GetValue<bool>());
            var azdName = string.Join('_', project.ToUpperInvariant().Split('-'));
            Assert.Equal($"${{SERVICE_{azdName}_RESOURCE_EXISTS=false}}", Text(Published.Parameters[mainParameter]!["value"]));
        }

        Assert.DoesNotContain(Published.Parameters, p => Text(p.Value!["value"]).Contains("_IMAGE_NAME", StringComparison.Ordinal));
    }

    [Fact]
    public void At_full_scale_out_the_PostgreSQL_pools_fit_in_the_server_s_connection_limit()
    {
        // Burstable B1ms: max_connections 50, of which Azure reserves 15.
        const int UserConnections = 35;
        var server = Resources(Template.ModuleTemplate("postgres")).Single(r => Text(r["type"]) == "Microsoft.DBforPostgreSQL/flexibleServers");
        Assert.Equal("Standard_B1ms", Text(server["sku"]!["name"]));

        var budget = 0;
        var clients = new List<string>();
        foreach (var (module, app) in Template.Apps)
        {
            var secrets = app["properties"]!["configuration"]!["secrets"]!.AsArray();
            var pools = secrets
                .Select(s => Regex.Match(Text(s!["value"]), @"^\[parameters\('(\w+)'\)\]$").Groups[1].Value)
                .Select(p => Template.Argument(module, p))
                .Where(a => a.Contains("Host=", StringComparison.Ordinal))
                .Select(a => PoolSize().Match(a))
                .ToList();
            Assert.All(pools, p => Assert.True(p.Success, $"{module}: a PostgreSQL connection string without Maximum Pool Size."));
            if (pools.Count == 0)
            {
                continue;
            }

            clients.Add(module);
            var replicas = Text(app["type"]) == "Microsoft.App/jobs"
                ? app["properties"]!["configuration"]!["manualTriggerConfig"]!["parallelism"]!.GetValue<int>()
                : app["properties"]!["template"]!["scale"]!["maxReplicas"]!.GetValue<int>();
            budget += replicas * pools.Sum(p => int.Parse(p.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Contains("catalog-api", clients);
        Assert.Contains("ordering-worker", clients);
        Assert.True(budget <= UserConnections, $"{string.Join(", ", clients)} may open {budget} connections; the server admits {UserConnections}.");
    }

    [Fact]
    public void RabbitMQ_is_one_replica_always_on_with_no_shared_store_a_supported_version_from_the_project_s_registry()
    {
        var app = Template.App("messaging")!;
        var scale = app["properties"]!["template"]!["scale"]!;
        Assert.Equal(1, scale["minReplicas"]!.GetValue<int>());
        Assert.Equal(1, scale["maxReplicas"]!.GetValue<int>());
        // No volume: a new revision's replica starts before the old one stops, and two brokers must never share a store.
        Assert.Null(app["properties"]!["template"]!["volumes"]);
        var ingress = app["properties"]!["configuration"]!["ingress"]!;
        Assert.Equal("tcp", Text(ingress["transport"]));
        Assert.Equal(5672, ingress["targetPort"]!.GetValue<int>());
        Assert.Equal(5672, ingress["exposedPort"]!.GetValue<int>());

        // Each replica's empty store takes the deployment's password, from a secret.
        var password = Container(app)["env"]!.AsArray().Single(e => Text(e!["name"]) == "RABBITMQ_DEFAULT_PASS")!;
        Assert.NotNull(password["secretRef"]);

        Assert.Equal("[parameters('image')]", Text(Container(app)["image"]));
        var image = Template.Argument("messaging", "image");
        Assert.Matches(@"^\[format\('\{0\}/library/rabbitmq:4\.[0-9]+[-a-z]*', reference\(.*'environment'\), '[0-9-]+'\)\.outputs\.registryEndpoint\.value\)\]$", image);
        var imported = Template.ModuleTemplate("environment")["variables"]!["importedImages"]!.AsArray().Select(i => Text(i)).ToList();
        Assert.Contains(imported, i => Regex.IsMatch(i, @"^docker\.io/library/rabbitmq:4\.[0-9]+[-a-z]*$") && image.Contains(i["docker.io/".Length..], StringComparison.Ordinal));
        Assert.Contains(Resources(Template.ModuleTemplate("environment")), r => Text(r["type"]) == "Microsoft.Resources/deploymentScripts");
    }

    [Fact]
    public void The_basket_cache_is_one_unsharded_database_so_a_script_may_name_two_buyers_keys()
    {
        var database = Resources(Template.ModuleTemplate("cache")).Single(r => Text(r["type"]) == "Microsoft.Cache/redisEnterprise/databases");
        Assert.Equal("NoCluster", Text(database["properties"]!["clusteringPolicy"]));
        Assert.Equal("NoEviction", Text(database["properties"]!["evictionPolicy"]));
    }

    [Fact]
    public void No_app_pulls_an_image_from_a_public_registry_other_than_MCR()
    {
        foreach (var (module, app) in Template.Apps)
        {
            var image = Text(Container(app)["image"]);
            var variables = Template.ModuleTemplate(module)["variables"];
            if (image.StartsWith("[if(parameters('exists'), reference(resourceId('Microsoft.App/", StringComparison.Ordinal)
                && image.EndsWith("variables('placeholderImage'))]", StringComparison.Ordinal))
            {
                Assert.StartsWith("mcr.microsoft.com/", Text(variables!["placeholderImage"]), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("[parameters('image')]", image);
                Assert.Contains("outputs.registryEndpoint.value", Template.Argument(module, "image"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_frontend_keeps_its_key_ring_on_a_share_every_replica_and_revision_mounts()
    {
        var app = Template.App("webfrontend")!;
        var volume = Assert.Single(app["properties"]!["template"]!["volumes"]!.AsArray())!;
        Assert.Equal("AzureFile", Text(volume["storageType"]));
        var mount = Assert.Single(Container(app)["volumeMounts"]!.AsArray())!;
        Assert.Equal(Text(volume["name"]), Text(mount["volumeName"]));
        var folder = Container(app)["env"]!.AsArray().Single(e => Text(e!["name"]) == "DataProtection__KeysFolder")!;
        Assert.Equal(Text(mount["mountPath"]), Text(folder["value"]));

        var storage = Resources(Template.ModuleTemplate("webfrontend")).Single(r => Text(r["type"]) == "Microsoft.App/managedEnvironments/storages");
        Assert.Equal("ReadWrite", Text(storage["properties"]!["azureFile"]!["accessMode"]));
        Assert.Contains(Resources(Template.ModuleTemplate("webfrontend")), r => Text(r["type"]) == "Microsoft.Storage/storageAccounts/fileServices/shares");
    }

    [Fact]
    public void Main_outputs_what_azd_reads_and_the_frontend_url()
    {
        var outputs = Template.Root["outputs"]!.AsObject();
        Assert.Contains("AZURE_RESOURCE_GROUP", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_CONTAINER_REGISTRY_ENDPOINT", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_CONTAINER_APPS_ENVIRONMENT_ID", outputs.Select(o => o.Key));
        Assert.EndsWith(".outputs.url.value]", Text(outputs["WEBFRONTEND_URL"]!["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_yaml_validates_against_azd_s_schema_and_lists_every_project_as_a_dotnet_container_app()
    {
        var yaml = AzureYaml.Parse(Published.Files["azure.yaml"]);
        Assert.Empty(AzureYaml.Validate(yaml));
        Assert.Equal("infra", Text(yaml["infra"]!["path"]));
        Assert.Equal("main", Text(yaml["infra"]!["module"]));
        var services = yaml["services"]!.AsObject();
        Assert.Equal(deployment.Projects.Select(p => p.Name).Order(), services.Select(s => s.Key).Order());
        foreach (var project in deployment.Projects)
        {
            var folder = Path.GetRelativePath(PublishedProject.RepositoryRoot, Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath)!);
            var service = services[project.Name]!;
            Assert.Equal($"./{folder}", Text(service["project"]));
            Assert.Equal("dotnet", Text(service["language"]));
            Assert.Equal("containerapp", Text(service["host"]));
        }
    }

    [Fact]
    public async Task Every_environment_variable_the_model_gives_a_published_service_is_set_in_Azure()
    {
        foreach (var project in deployment.Projects)
        {
            var deployed = Container(Template.App(project.Name)!)["env"]!.AsArray().Select(e => Text(e!["name"])).ToList();
            Assert.Equal(deployed.Count, deployed.Distinct().Count());
            var missing = (await deployment.ModelEnvironmentAsync(project)).Except(deployed).ToList();
            Assert.True(missing.Count == 0, $"{project.Name} lacks {string.Join(", ", missing)} in Azure.");
            // The hosting variables a local run sets differently: the port (services only), the name telemetry reports.
            Assert.Equal(!_jobs.Contains(project.Name), deployed.Contains("HTTP_PORTS"));
            Assert.Contains("OTEL_SERVICE_NAME", deployed);
        }
    }

    /// <summary>The image expression of a service: the image the existing app runs, else the placeholder.</summary>
    private static string RunningImage(string app) =>
        $"if(parameters('exists'), reference(resourceId('Microsoft.App/containerApps', '{app}'), '2025-01-01').template.containers[0].image, variables('placeholderImage'))";

    /// <summary>The secure module parameter that holds a container-app secret.</summary>
    private string SecretValueParameter(string module, string secretName)
    {
        var secret = Assert.Single(Template.App(module)!["properties"]!["configuration"]!["secrets"]!.AsArray(), s => Text(s!["name"]) == secretName)!;
        var parameter = Regex.Match(Text(secret["value"]), @"^\[parameters\('(\w+)'\)\]$").Groups[1].Value;
        Assert.Equal("securestring", Text(Template.ModuleTemplate(module)["parameters"]![parameter]!["type"]));
        return parameter;
    }

    [GeneratedRegex(@"Maximum Pool Size=([0-9]+)")]
    private static partial Regex PoolSize();
}
