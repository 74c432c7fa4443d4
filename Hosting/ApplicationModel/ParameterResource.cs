namespace Shop.Hosting.ApplicationModel;

/// <summary>A value supplied to the model from configuration (<c>Parameters:{name}</c>); a secret one
/// without configuration is generated once and kept in the state folder.</summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    private string? _value;

    public bool Secret { get; } = secret;

    /// <summary>Resolved by the orchestrator before anything starts.</summary>
    public string Value
    {
        get => _value ?? throw new InvalidOperationException($"Parameter '{Name}' has not been resolved yet.");
        internal set => _value = value;
    }

    internal bool IsResolved => _value is not null;
}
