namespace Shop.Hosting.ApplicationModel;

/// <summary>Base class for resources: a name and a bag of annotations.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ResourceNames.IsValid(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use lower-case letters, digits and '-', starting with a letter.", nameof(name));
        }

        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
