namespace Shop.Contracts;

/// <summary>The photo processor made every size of an upload (<see cref="PhotoSizes"/>, named by <paramref name="Version"/>).</summary>
public sealed record ProductPhotoProcessed(int ProductId, Guid UploadId, string Version);

/// <summary>The photo processor refused an upload; <paramref name="Reason"/> is for the operator to read.</summary>
public sealed record ProductPhotoRejected(int ProductId, Guid UploadId, string Reason);
