namespace Shop.Hosting.ApplicationModel;

/// <summary>Adds environment variables to a resource. The callback states values as references; a local run
/// resolves them just before the process starts, the Azure publisher renders them as deployment expressions.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<IDictionary<string, EnvironmentValue>> callback) : IResourceAnnotation
{
    /// <summary>Adds the variables with their local values.</summary>
    public void Apply(IDictionary<string, string> environment)
    {
        var values = new Dictionary<string, EnvironmentValue>();
        callback(values);
        foreach (var (name, value) in values)
        {
            environment[name] = value.Resolve();
        }
    }

    /// <summary>Adds the variables as the model states them, references unresolved.</summary>
    public void ApplyReferences(IDictionary<string, EnvironmentValue> environment) => callback(environment);
}
