using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Projects;

/// <summary>A service project as a container app that scales to zero: built and pushed by azd (an azure.yaml
/// service), reached by name inside the environment, woken by HTTP requests and by its scale rules. A project that
/// others wait for to complete (a migrator) is a Container Apps job instead, which each deployment runs once.</summary>
internal sealed class ProjectAzureDeployment(ProjectResource project) : AzureResourceDeployment
{
    // A request-bound .NET service keeps up with this many requests in flight; past it the platform adds replicas.
    private const int ConcurrentRequestsPerReplica = 50;

    // Holds the app's place until `azd deploy` pushes the service's image: Microsoft's ASP.NET Core sample, from MCR,
    // listening on port 8080 as the services do, so the platform's default TCP probes pass.
    internal const string PlaceholderImage = "mcr.microsoft.com/dotnet/samples:aspnetapp";

    // The port the service's image listens on (ContainerPort in Directory.Build.targets), whichever port it has locally.
    private const int Port = 8080;

    private EndpointAnnotation Http => project.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == "http")
        ?? throw new InvalidOperationException($"Project '{project.Name}' has no 'http' endpoint to deploy.");

    public override void AddTo(AzureDeployment deployment)
    {
        var isJob = deployment.RunsToCompletion(project);
        // azd sets SERVICE_<NAME>_RESOURCE_EXISTS before every provision: once the app exists, a provision keeps the
        // image it runs instead of putting the placeholder back.
        var exists = deployment.AddParameter(
            new BicepParameter($"{BicepNames.Symbol(project.Name)}Exists", "bool")
            {
                Description = $"Whether {project.Name} exists already (azd sets SERVICE_{BicepNames.EnvironmentVariable(project.Name)}_RESOURCE_EXISTS before each provision).",
                Default = false,
            },
            $"SERVICE_{BicepNames.EnvironmentVariable(project.Name)}_RESOURCE_EXISTS=false");

        var app = new ContainerAppModule(deployment, project.Name) { IsJob = isJob };
        if (!isJob)
        {
            app.Ingress = new BicepObject
            {
                ["external"] = Http.IsExternal,
                ["targetPort"] = Port,
                ["transport"] = "http",
                // Inside the environment services call each other over plain http://{name}; only public traffic is
                // redirected to HTTPS.
                ["allowInsecure"] = !Http.IsExternal,
            };
        }

        app.Tags = new BicepExpression($"union({app.Module.Tags}, {{ 'azd-service-name': '{project.Name}' }})");
        app.PullFromProjectRegistry(deployment);
        var existsParameter = app.Module.Pass("exists", "bool", exists);
        if (!isJob)
        {
            app.MinReplicas = app.Module.Pass("minReplicas", "int", deployment.ServiceMinReplicas);
        }

        app.MaxReplicas = deployment.MaxReplicas(project);
        var existing = app.Module.File.Add(new BicepResource("existingApp", app.ResourceType, new BicepObject { ["name"] = project.Name })
        {
            Existing = true,
            Condition = existsParameter.Text,
        });
        var placeholder = app.Module.File.Add(new BicepVariable("placeholderImage", PlaceholderImage)
        {
            Comment = "Runs until azd deploys the service's own image.",
        });
        var image = app.Module.File.Add(new BicepVariable("image", new BicepExpression(
            $"{existsParameter} ? {existing}!.properties.template.containers[0].image : {placeholder}"))
        {
            Comment = "The image the app runs already, once it exists: azd deploys images, a provision keeps them.",
        });
        app.Image = image;
        if (!isJob)
        {
            var probes = app.Module.File.Add(new BicepVariable("probes", Probes())
            {
                Comment = "The service's health endpoints; the placeholder has none, so they apply once the app runs its own image.",
            });
            app.Probes = new BicepExpression($"{image} == {placeholder} ? [] : {probes}");
        }

        var environment = Environment(deployment);
        foreach (var folder in project.Annotations.OfType<PersistentFolderAnnotation>())
        {
            var storage = AzureFileShare.AddTo(deployment, app, folder.ShareName);
            app.Volumes.Add(new BicepObject
            {
                ["name"] = folder.ShareName,
                ["storageType"] = "AzureFile",
                ["storageName"] = storage,
                // The chiseled .NET images run as user 1654 ("app"): the share is mounted as that user, for it alone.
                ["mountOptions"] = "uid=1654,gid=1654,dir_mode=0700,file_mode=0600",
            });
            app.VolumeMounts.Add(new BicepObject { ["volumeName"] = folder.ShareName, ["mountPath"] = folder.MountPath });
            environment[folder.EnvironmentVariable] = folder.MountPath;
        }

        foreach (var (name, value) in environment)
        {
            app.SetEnvironment(name, deployment.Render(value));
        }

        foreach (var role in project.Annotations.OfType<IAzureRoleAnnotation>())
        {
            role.AddTo(deployment, app);
        }

        if (!isJob)
        {
            app.AddHttpScaleRule(ConcurrentRequestsPerReplica);
            foreach (var rule in project.Annotations.OfType<IAzureScaleRuleAnnotation>())
            {
                app.AddScaleRule(rule.ToScaleRule(deployment));
            }
        }

        var resource = app.Complete();
        app.Module.Output("name", "string", resource.Member("name"));
        if (!isJob && Http.IsExternal)
        {
            app.Module.Output("url", "string", BicepExpression.Interpolate("https://", resource.Member("properties.configuration.ingress.fqdn")));
        }

        deployment.AddModule(project, app.Module, WaitsNotImpliedBy(environment.Values));
        deployment.AddService(project);
        if (!isJob && Http.IsExternal)
        {
            deployment.AddOutput($"{BicepNames.EnvironmentVariable(project.Name)}_URL", deployment.ModuleOutput(project, "url"));
        }
    }

    /// <summary>Inside the environment an app is reached by its name, on the ingress' port 80.</summary>
    public override BicepValue GetEndpointUrl(AzureDeployment deployment, EndpointReference endpoint) => $"{endpoint.Scheme}://{project.Name}";

    /// <summary>What the service reads, as deployed: the hosting variables this deployment decides (environment name,
    /// listening port, telemetry name), then the model's own variables in publish mode (references, parameters).</summary>
    private Dictionary<string, object> Environment(AzureDeployment deployment)
    {
        var environment = new Dictionary<string, object>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        if (!deployment.RunsToCompletion(project))
        {
            // TLS ends at the platform's ingress: the app learns the original scheme and host from X-Forwarded-*.
            environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            environment["HTTP_PORTS"] = Port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in deployment.EnvironmentOf(project).Variables)
        {
            environment.TryAdd(name, value);
        }

        return environment;
    }

    /// <summary>Resources the project waits for whose module no connection string of it already reads: ARM orders
    /// those only through an explicit dependsOn.</summary>
    private List<IResource> WaitsNotImpliedBy(IEnumerable<object> values)
    {
        var connected = values
            .Select(v => v switch { ConnectionStringReference r => r.Resource, IResourceWithConnectionString r => r, _ => null })
            .OfType<IResource>()
            .Select(AzureDeployment.Owner)
            .ToHashSet();
        return [.. project.Annotations.OfType<WaitAnnotation>().Select(w => AzureDeployment.Owner(w.Resource)).Distinct().Where(r => !connected.Contains(r))];
    }

    private static BicepArray Probes()
    {
        BicepObject Probe(string type, string path, int periodSeconds, int failureThreshold) => new()
        {
            ["type"] = type,
            ["httpGet"] = new BicepObject { ["path"] = path, ["port"] = Port },
            ["periodSeconds"] = periodSeconds,
            ["failureThreshold"] = failureThreshold,
        };

        // Start-up is polled often so a replica woken from zero takes traffic soon, for up to 20 s; readiness
        // checks dependencies (/health), liveness only the process (/alive), so a database outage restarts nothing.
        var startup = Probe("Startup", "/alive", periodSeconds: 2, failureThreshold: 10);
        startup["initialDelaySeconds"] = 1;
        return
        [
            startup,
            Probe("Readiness", "/health", periodSeconds: 5, failureThreshold: 3),
            Probe("Liveness", "/alive", periodSeconds: 10, failureThreshold: 3),
        ];
    }
}
