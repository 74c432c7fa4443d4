using System.Collections.ObjectModel;

namespace Shop.Hosting.ApplicationModel;

/// <summary>Marker for everything attached to a resource that the orchestrator, dashboard or publisher reads.</summary>
public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;
