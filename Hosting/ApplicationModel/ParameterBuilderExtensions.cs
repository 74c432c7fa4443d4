namespace Shop.Hosting.ApplicationModel;

public static class ParameterBuilderExtensions
{
    /// <summary>Adds a parameter read from configuration <c>Parameters:{name}</c> (environment <c>Parameters__{name}</c>).
    /// A secret one missing from configuration is generated once per state folder.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, secret));
}
