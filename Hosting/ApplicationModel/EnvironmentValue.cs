namespace Shop.Hosting.ApplicationModel;

/// <summary>The value of one environment variable as the model states it. A local run resolves it to text;
/// the Azure publisher renders the same reference as a deployment expression (a module output, a secure
/// parameter), so the two never drift apart.</summary>
public abstract record EnvironmentValue
{
    /// <summary>The value for a local run: valid once ports are allocated and parameters resolved.</summary>
    public abstract string Resolve();

    public static implicit operator EnvironmentValue(string text) => FromText(text);

    public static EnvironmentValue FromText(string text) => new LiteralValue(text);
}

/// <summary>Text that is the same wherever the model runs.</summary>
public sealed record LiteralValue(string Text) : EnvironmentValue
{
    public override string Resolve() => Text;
}

/// <summary>The connection string of a resource (<c>ConnectionStrings__{name}</c>).</summary>
public sealed record ConnectionStringReference(IResourceWithConnectionString Resource) : EnvironmentValue
{
    public override string Resolve() => Resource.GetConnectionString();
}

/// <summary>The URL at which other resources reach an endpoint (<c>services__{name}__{endpoint}__0</c>).</summary>
public sealed record EndpointReference(IResource Resource, EndpointAnnotation Endpoint) : EnvironmentValue
{
    public override string Resolve() => Endpoint.Url;
}

/// <summary>The value of a parameter; a secret one stays a secret wherever it goes.</summary>
public sealed record ParameterReference(ParameterResource Parameter) : EnvironmentValue
{
    public override string Resolve() => Parameter.Value;
}
