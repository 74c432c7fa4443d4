namespace Shop.Hosting.Orchestration;

/// <summary>A resource cannot run here: neither a container engine nor its local programs are present.</summary>
public sealed class PrerequisiteMissingException(string resourceType, IReadOnlyList<string> missingPrograms, string debianPackage)
    : Exception($"{resourceType} cannot start: no container engine answered and {string.Join(", ", missingPrograms)} not found.")
{
    public string ResourceType { get; } = resourceType;

    public IReadOnlyList<string> MissingPrograms { get; } = missingPrograms;

    public string DebianPackage { get; } = debianPackage;

    /// <summary>One message for all missing servers, naming both fixes.</summary>
    public static string Describe(IReadOnlyCollection<PrerequisiteMissingException> missing) =>
        $"""
        Shop cannot start its backing servers: no container engine answers (`docker info` failed) and these programs are missing: {string.Join(", ", missing.SelectMany(m => m.MissingPrograms).Distinct())}.
        Fix one of:
          - install Docker (or another engine whose `docker info` works) and start it, or
          - install the servers: sudo apt-get install -y {string.Join(" ", missing.Select(m => m.DebianPackage).Distinct())}   (./run.sh does this for you)
        """;
}
