using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>What every container app shares, in environment.bicep: a Consumption Container Apps environment that
/// logs to Log Analytics, the registry azd pushes images to, and the identity the apps pull them with.</summary>
public sealed record ContainerAppsEnvironment(
    BicepExpression EnvironmentId,
    BicepExpression EnvironmentName,
    BicepExpression IdentityId,
    BicepExpression RegistryEndpoint)
{
    private const string ModuleName = "environment";

    // Built-in role "AcrPull": pull images, nothing else.
    private const string AcrPullRoleId = "7f951dda-4ed3-4680-a7ca-43fe172d538d";

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

        module.File.Add(new BicepResource("acrPull", "Microsoft.Authorization/roleAssignments@2022-04-01", new BicepObject
        {
            ["name"] = new BicepExpression($"guid({registrySymbol}.id, {identitySymbol}.id, '{AcrPullRoleId}')"),
            ["scope"] = registrySymbol,
            ["properties"] = new BicepObject
            {
                ["principalId"] = identitySymbol.Member("properties").Member("principalId"),
                ["principalType"] = "ServicePrincipal",
                ["roleDefinitionId"] = new BicepExpression($"subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{AcrPullRoleId}')"),
            },
        })
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
        var outputs = symbol.Member("outputs");
        return new ContainerAppsEnvironment(
            outputs.Member("environmentId"),
            outputs.Member("environmentName"),
            outputs.Member("identityId"),
            outputs.Member("registryEndpoint"));
    }
}
