using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>An event, beyond HTTP requests, that makes the platform start replicas of a deployed service.
/// Local runs ignore it: there every service runs all the time.</summary>
public interface IAzureScaleRuleAnnotation : IResourceAnnotation
{
    AzureScaleRule ToScaleRule(AzureDeployment deployment);
}

/// <summary>A KEDA scale rule of a container app. Each authentication value becomes a container-app secret that
/// the rule references by name, because the platform takes scaler credentials from secrets only.</summary>
public sealed record AzureScaleRule(
    string Name,
    string Type,
    IReadOnlyList<KeyValuePair<string, string>> Metadata,
    IReadOnlyList<ScaleRuleSecret> Authentication);

/// <summary>A scaler input (<paramref name="TriggerParameter"/>, such as <c>host</c>) taken from a secret.</summary>
public sealed record ScaleRuleSecret(string TriggerParameter, string SecretName, BicepValue Value);
