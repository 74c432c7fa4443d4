using Shop.Hosting.Publishing.Bicep;

namespace Shop.Hosting.Publishing;

/// <summary>An environment value rendered for main.bicep. A secret one only ever reaches a container app as a
/// <c>@secure()</c> module parameter held in a container-app secret.</summary>
public sealed record DeployedValue(BicepValue Value, bool IsSecret);
