namespace Shop.Hosting.ApplicationModel;

/// <summary>Records that a resource references another (WithReference), for the dashboard and the publisher.</summary>
public sealed record ResourceRelationshipAnnotation(IResource Resource) : IResourceAnnotation;
