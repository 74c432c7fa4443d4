using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>What every container app shares, in environment.bicep: a Consumption Container Apps environment that
/// logs to Log Analytics, the registry azd pushes images to (and public images are imported into), and the identity the
/// apps pull them with.</summary>
public sealed class ContainerAppsEnvironment
{
    private const string ModuleName = "environment";

    // Built-in role "AcrPull": pull images, nothing else.
    private const string AcrPullRoleId = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

    // Built-in role "Contributor", given on the registry only: `az acr import` needs it.
    private const string ContributorRoleId = "b24988ac-6180-42a0-ab88-20f7382dd24c";

    private readonly AzureModule _module;
    private readonly BicepExpression _registry;
    private readonly BicepExpression _token;
    private readonly BicepArray _importedImages = [];

    private ContainerAppsEnvironment(AzureModule module, BicepExpression registry, BicepExpression token, BicepExpression outputs)
    {
        _module = module;
        _registry = registry;
        _token = token;
        EnvironmentId = outputs.Member("environmentId");
        EnvironmentName = outputs.Member("environmentName");
        IdentityId = outputs.Member("identityId");
        RegistryEndpoint = outputs.Member("registryEndpoint");
    }

    public BicepExpression EnvironmentId { get; }

    public BicepExpression EnvironmentName { get; }

    public BicepExpression IdentityId { get; }

    public BicepExpression RegistryEndpoint { get; }

    /// <summary>A public image (<c>docker.io/library/rabbitmq:4.3</c>) as the apps pull it: imported once per provision
    /// into the project's registry, so that no app pulls anonymously from a public registry (rate limits, outages).
    /// The import runs inside environment.bicep, which every app's module waits for.</summary>
    public BicepExpression ImportedImage(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !image[..slash].Contains('.', StringComparison.Ordinal) || !image.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Name the registry and the tag of the image to import: {image}", nameof(image));
        }

        if (_importedImages.Count == 0)
        {
            AddImport();
        }

        if (!_importedImages.OfType<BicepString>().Any(i => i.Text == image))
        {
            _importedImages.Add(image);
        }

        return BicepExpression.Interpolate(RegistryEndpoint, $"/{image[(slash + 1)..]}");
    }

    /// <summary>A deployment script (Azure CLI in a short-lived container instance) that imports every listed image with
    /// an identity allowed to write to this registry only.</summary>
    private void AddImport()
    {
        var file = _module.File;
        var importer = file.Add(new BicepResource("importer", "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31", new BicepObject
        {
            ["name"] = BicepExpression.Interpolate("id-import-", _token),
            ["location"] = _module.Location,
            ["tags"] = _module.Tags,
        }));
        var role = file.Add(RegistryRole("importerRole", _registry, importer, ContributorRoleId));
        var images = file.Add(new BicepVariable("importedImages", _importedImages)
        {
            Comment = "Public images the apps run, imported into the registry so that they are pulled from it.",
        });
        var identities = new BicepObject();
        identities.SetComputed(BicepExpression.Interpolate(importer.Member("id")), new BicepObject());
        file.Add(new BicepResource("importImages", "Microsoft.Resources/deploymentScripts@2023-08-01", new BicepObject
        {
            ["name"] = "import-images",
            ["location"] = _module.Location,
            ["tags"] = _module.Tags,
            ["kind"] = "AzureCLI",
            ["identity"] = new BicepObject { ["type"] = "UserAssigned", ["userAssignedIdentities"] = identities },
            ["properties"] = new BicepObject
            {
                ["azCliVersion"] = "2.67.0",
                ["retentionInterval"] = "PT1H",
                ["cleanupPreference"] = "Always",
                ["timeout"] = "PT30M",
                ["environmentVariables"] = new BicepArray
                {
                    new BicepObject { ["name"] = "REGISTRY", ["value"] = _registry.Member("name") },
                    new BicepObject { ["name"] = "IMAGES", ["value"] = new BicepExpression($"join({images}, ' ')") },
                },
                // A new role assignment takes a while to apply: retry before giving up.
                ["scriptContent"] = string.Join('\n',
                    "set -eu",
                    "for image in $IMAGES; do",
                    "  attempt=1",
                    "  until az acr import --name \"$REGISTRY\" --source \"$image\" --image \"${image#*/}\" --force; do",
                    "    if [ $attempt -ge 10 ]; then exit 1; fi",
                    "    attempt=$((attempt + 1))",
                    "    sleep 30",
                    "  done",
                    "done"),
            },
            ["dependsOn"] = new BicepArray { role },
        })
        {
            Comment = "Runs when the list of images changes, and on a provision after the script resource expired (an hour).",
        });
    }

    internal static ContainerAppsEnvironment AddTo(AzureDeployment deployment)
    {
        var module = new AzureModule(deployment);
        // uniqueString() is 13 characters long: saying so lets the compiler check the names built on it (a registry
        // name needs at least 5).
        var token = module.Pass(new BicepParameter("resourceToken", "string") { Decorators = ["@minLength(13)"] }, deployment.ResourceToken);
        var common = (string name) => new BicepObject
        {
            ["name"] = BicepExpression.Interpolate(name, token),
            ["location"] = module.Location,
            ["tags"] = module.Tags,
        };

        var workspace = common("log-");
        workspace["properties"] = new BicepObject
        {
            ["sku"] = new BicepObject { ["name"] = "PerGB2018" },
            ["retentionInDays"] = 30,
        };
        var workspaceSymbol = module.File.Add(new BicepResource("workspace", "Microsoft.OperationalInsights/workspaces@2023-09-01", workspace));

        // Registry names allow letters and digits only.
        var registry = common("cr");
        registry["sku"] = new BicepObject { ["name"] = "Basic" };
        registry["properties"] = new BicepObject { ["adminUserEnabled"] = false };
        var registrySymbol = module.File.Add(new BicepResource("registry", "Microsoft.ContainerRegistry/registries@2023-07-01", registry));

        var identitySymbol = module.File.Add(new BicepResource("identity", "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31", common("id-")));

        module.File.Add(RegistryRole("acrPull", registrySymbol, identitySymbol, AcrPullRoleId) with
        {
            Comment = "The apps pull their images as this identity: no registry password exists anywhere.",
        });

        var environment = common("cae-");
        environment["properties"] = new BicepObject
        {
            ["appLogsConfiguration"] = new BicepObject
            {
                ["destination"] = "log-analytics",
                ["logAnalyticsConfiguration"] = new BicepObject
                {
                    ["customerId"] = workspaceSymbol.Member("properties").Member("customerId"),
                    ["sharedKey"] = workspaceSymbol.Member("listKeys().primarySharedKey"),
                },
            },
            ["workloadProfiles"] = new BicepArray
            {
                new BicepObject
                {
                    ["name"] = ContainerAppModule.WorkloadProfile,
                    ["workloadProfileType"] = ContainerAppModule.WorkloadProfile,
                },
            },
        };
        var environmentSymbol = module.File.Add(new BicepResource("environment", "Microsoft.App/managedEnvironments@2024-03-01", environment)
        {
            Comment = "Consumption only: billed per second of use, nothing while every app is scaled to zero.",
        });

        module.Output("environmentId", "string", environmentSymbol.Member("id"));
        module.Output("environmentName", "string", environmentSymbol.Member("name"));
        module.Output("identityId", "string", identitySymbol.Member("id"));
        module.Output("registryEndpoint", "string", registrySymbol.Member("properties").Member("loginServer"));

        var symbol = deployment.AddModule(ModuleName, module, []);
        return new ContainerAppsEnvironment(module, registrySymbol, token, symbol.Member("outputs"));
    }

    /// <summary>A built-in role for a user-assigned identity, on the registry only.</summary>
    private static BicepResource RegistryRole(string symbol, BicepExpression registry, BicepExpression identity, string roleId) =>
        RoleAssignment.Create(symbol, registry, identity.Member("id"), identity.Member("properties").Member("principalId"), roleId);
}
