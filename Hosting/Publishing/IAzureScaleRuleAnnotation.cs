using Aspire.Hosting.ApplicationModel;
using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>An event, beyond HTTP requests, that makes the platform start replicas of a deployed service. Local runs
/// ignore it, but for the scale-to-zero mode, which reads the rules on a queue's length (<c>IQueueScaleRule</c>).</summary>
public interface IAzureScaleRuleAnnotation : IResourceAnnotation
{
    AzureScaleRule ToScaleRule(AzureDeployment deployment);
}

/// <summary>A KEDA scale rule of a container app. It authenticates either as the app's own managed identity
/// (<paramref name="AuthenticatesAsApp"/>, where the scaler supports it) or with secrets: each authentication value
/// becomes a container-app secret that the rule references by name. A metadata value that is not a literal reaches the
/// app's module as a parameter.</summary>
public sealed record AzureScaleRule(
    string Name,
    string Type,
    IReadOnlyList<KeyValuePair<string, BicepValue>> Metadata,
    IReadOnlyList<ScaleRuleSecret> Authentication,
    bool AuthenticatesAsApp = false);

/// <summary>A scaler input (<paramref name="TriggerParameter"/>, such as <c>host</c>) taken from a secret.</summary>
public sealed record ScaleRuleSecret(string TriggerParameter, string SecretName, BicepValue Value);
