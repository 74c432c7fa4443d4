using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>A module file holding one container app, or one Container Apps job (<see cref="IsJob"/>: started on demand,
/// runs to completion, no ingress and no scale rules). Values from main.bicep arrive as module parameters; secret ones
/// as <c>@secure()</c> parameters that only container-app secrets hold, referenced by <c>secretRef</c>.</summary>
public sealed class ContainerAppModule
{
    /// <summary>The environment's only workload profile: serverless, billed per second.</summary>
    public const string WorkloadProfile = "Consumption";

    /// <summary>The API version of both container apps and jobs.</summary>
    public const string ApiVersion = "2025-01-01";

    /// <summary>The variable that tells the Azure SDK's credentials which of the app's identities is its own.</summary>
    public const string ClientIdVariable = "AZURE_CLIENT_ID";

    /// <summary>How long one run of a job may take before the platform stops it.</summary>
    public const int JobTimeoutSeconds = 1800;

    private readonly BicepArray _environment = [];
    private readonly BicepArray _secrets = [];
    private readonly HashSet<string> _secretNames = [];
    private readonly BicepArray _scaleRules = [];
    private readonly BicepObject _userAssignedIdentities = new();
    private BicepExpression? _identity;

    public ContainerAppModule(AzureDeployment deployment, string name)
    {
        Name = name;
        Module = new AzureModule(deployment);
        EnvironmentId = Module.Pass("environmentId", "string", deployment.Environment.EnvironmentId);
        Tags = Module.Tags;
    }

    public string Name { get; }

    public AzureModule Module { get; }

    public BicepExpression EnvironmentId { get; }

    /// <summary>The container image; set before <see cref="Complete"/>.</summary>
    public BicepValue? Image { get; set; }

    /// <summary>A job, started on demand and run to completion, instead of an app.</summary>
    public bool IsJob { get; init; }

    /// <summary>The app's ingress; a job has none.</summary>
    public BicepObject? Ingress { get; set; }

    /// <summary>The Bicep resource type of what the module holds.</summary>
    public string ResourceType => $"Microsoft.App/{(IsJob ? "jobs" : "containerApps")}@{ApiVersion}";

    public BicepValue Tags { get; set; }

    /// <summary>The app's <c>registries</c>: where it pulls a private image from, and as which identity.</summary>
    public BicepArray? Registries { get; set; }

    /// <summary>Pulls images from the project's registry as the environment's identity (AcrPull, no password).</summary>
    public void PullFromProjectRegistry(AzureDeployment deployment)
    {
        var identity = Module.Pass("identityId", "string", deployment.Environment.IdentityId);
        var registryEndpoint = Module.Pass("registryEndpoint", "string", deployment.Environment.RegistryEndpoint);
        _userAssignedIdentities.SetComputed(BicepExpression.Interpolate(identity), new BicepObject());
        Registries = [new BicepObject { ["server"] = registryEndpoint, ["identity"] = identity }];
    }

    /// <summary>The app's own user-assigned identity, declared on first use: what the app signs in to Azure services as
    /// (its client id in <see cref="ClientIdVariable"/>) and what its scale rules authenticate as. Each app has its own,
    /// so each holds only the roles given to it; the environment's identity, which every app shares, only pulls images.</summary>
    public BicepExpression Identity
    {
        get
        {
            if (_identity is null)
            {
                _identity = Module.File.Add(new BicepResource("appIdentity", "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31", new BicepObject
                {
                    ["name"] = $"id-{Name}",
                    ["location"] = Module.Location,
                    ["tags"] = Module.Tags,
                }));
                _userAssignedIdentities.SetComputed(BicepExpression.Interpolate(_identity.Member("id")), new BicepObject());
                _environment.Add(new BicepObject { ["name"] = ClientIdVariable, ["value"] = _identity.Member("properties").Member("clientId") });
            }

            return _identity;
        }
    }

    public BicepValue? Probes { get; set; }

    public BicepValue MinReplicas { get; set; } = 0;

    public BicepValue MaxReplicas { get; set; } = 10;

    /// <summary>vCPU and memory of the container: one of the Consumption profile's fixed pairs.</summary>
    public (string Cpu, string Memory) Size { get; set; } = ("0.5", "1Gi");

    public BicepArray VolumeMounts { get; } = [];

    public BicepArray Volumes { get; } = [];

    /// <summary>Sets an environment variable: a literal inline, an expression of main.bicep through a parameter, a
    /// secret through a container-app secret.</summary>
    public void SetEnvironment(string variable, DeployedValue value)
    {
        var entry = new BicepObject { ["name"] = variable };
        if (value.IsSecret)
        {
            entry["secretRef"] = AddSecret(BicepNames.SecretName(variable), value.Value, BicepNames.Symbol(variable));
        }
        else
        {
            entry["value"] = value.Value is BicepString ? value.Value : Module.Pass(BicepNames.Symbol(variable), "string", value.Value);
        }

        _environment.Add(entry);
    }

    /// <summary>Holds a main.bicep value in a container-app secret (once per name), passed through the secure module
    /// parameter <paramref name="parameterName"/>, and returns the secret's name.</summary>
    public string AddSecret(string secretName, BicepValue value, string? parameterName = null)
    {
        if (_secretNames.Add(secretName))
        {
            var parameter = Module.Pass(parameterName ?? BicepNames.Symbol(secretName), "string", value, secure: true);
            _secrets.Add(new BicepObject { ["name"] = secretName, ["value"] = parameter });
        }

        return secretName;
    }

    public void AddHttpScaleRule(int concurrentRequests) => _scaleRules.Add(new BicepObject
    {
        ["name"] = "http",
        ["http"] = new BicepObject
        {
            ["metadata"] = new BicepObject { ["concurrentRequests"] = concurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
    });

    public void AddScaleRule(AzureScaleRule rule)
    {
        var metadata = new BicepObject();
        foreach (var (key, value) in rule.Metadata)
        {
            metadata[key] = value is BicepExpression expression ? Module.PassOnce(BicepNames.Symbol($"{rule.Name}-{key}"), "string", expression) : value;
        }

        var authentication = new BicepArray();
        foreach (var secret in rule.Authentication)
        {
            authentication.Add(new BicepObject
            {
                ["secretRef"] = AddSecret(secret.SecretName, secret.Value),
                ["triggerParameter"] = secret.TriggerParameter,
            });
        }

        var custom = new BicepObject { ["type"] = rule.Type, ["metadata"] = metadata };
        if (rule.AuthenticatesAsApp)
        {
            custom["identity"] = Identity.Member("id");
        }
        else
        {
            custom["auth"] = authentication;
        }

        _scaleRules.Add(new BicepObject { ["name"] = rule.Name, ["custom"] = custom });
    }

    /// <summary>Writes the container app (or job) resource into the module; call once every setting is in.</summary>
    public BicepExpression Complete()
    {
        var image = Image ?? throw new InvalidOperationException($"Container app '{Name}' has no image.");
        var configuration = IsJob
            ? new BicepObject
            {
                ["triggerType"] = "Manual",
                ["replicaTimeout"] = JobTimeoutSeconds,
                // A failed run is reported, not retried: the deployment that started it stops and says so.
                ["replicaRetryLimit"] = 0,
                ["manualTriggerConfig"] = new BicepObject { ["parallelism"] = 1, ["replicaCompletionCount"] = 1 },
            }
            : new BicepObject
            {
                ["activeRevisionsMode"] = "Single",
                ["ingress"] = Ingress ?? throw new InvalidOperationException($"Container app '{Name}' has no ingress."),
            };
        var app = new BicepObject { ["name"] = Name, ["location"] = Module.Location, ["tags"] = Tags };
        if (_userAssignedIdentities.Any())
        {
            app["identity"] = new BicepObject { ["type"] = "UserAssigned", ["userAssignedIdentities"] = _userAssignedIdentities };
        }

        if (Registries is not null)
        {
            configuration["registries"] = Registries;
        }

        configuration["secrets"] = _secrets;
        var container = new BicepObject
        {
            ["name"] = Name,
            ["image"] = image,
            ["resources"] = new BicepObject { ["cpu"] = new BicepExpression($"json('{Size.Cpu}')"), ["memory"] = Size.Memory },
            ["env"] = _environment,
        };
        if (Probes is not null)
        {
            container["probes"] = Probes;
        }

        if (VolumeMounts.Count > 0)
        {
            container["volumeMounts"] = VolumeMounts;
        }

        var template = new BicepObject { ["containers"] = new BicepArray { container } };
        if (!IsJob)
        {
            template["scale"] = new BicepObject { ["minReplicas"] = MinReplicas, ["maxReplicas"] = MaxReplicas, ["rules"] = _scaleRules };
        }

        if (Volumes.Count > 0)
        {
            template["volumes"] = Volumes;
        }

        app["properties"] = new BicepObject
        {
            ["environmentId"] = EnvironmentId,
            ["workloadProfileName"] = WorkloadProfile,
            ["configuration"] = configuration,
            ["template"] = template,
        };
        return Module.File.Add(new BicepResource("app", ResourceType, app));
    }
}
