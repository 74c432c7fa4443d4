namespace Shop.Hosting.Containers;

/// <summary>A backing server as a container: image, published ports (host → container), environment and data volume.</summary>
public sealed record ContainerSpec(string Image, IReadOnlyDictionary<int, int> Ports)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the server keeps its data inside the container; mounted from the resource's state folder.</summary>
    public string? DataPath { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];
}
