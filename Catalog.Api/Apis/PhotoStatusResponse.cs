namespace Shop.Catalog.Api.Apis;

/// <summary>A product's photo: the latest upload and its status (null before any), the version the shop shows (null:
/// the generated picture), and why the latest upload was rejected.</summary>
public sealed record PhotoStatusResponse(Guid? UploadId, string? Status, string? Version, string? Reason);
