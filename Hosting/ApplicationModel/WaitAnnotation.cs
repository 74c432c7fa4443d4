namespace Shop.Hosting.ApplicationModel;

/// <summary>The resource starts only once <see cref="Resource"/> is running and healthy.</summary>
public sealed record WaitAnnotation(IResource Resource) : IResourceAnnotation;
