namespace Shop.ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class RunsServices
{
    public const string Name = "runs services";
}
