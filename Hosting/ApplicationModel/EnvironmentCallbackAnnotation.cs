namespace Shop.Hosting.ApplicationModel;

/// <summary>Adds environment variables to a resource's process, evaluated just before it starts.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<IDictionary<string, string>> callback) : IResourceAnnotation
{
    public void Apply(IDictionary<string, string> environment) => callback(environment);
}
